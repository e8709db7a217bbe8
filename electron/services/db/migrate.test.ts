import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundTables } from '../audit/bound-tables';
import { ServiceError } from '../core/errors';
import { appSchemaVersion, migrate, schemaVersionOf } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open';
import { cleanupAfterEach } from '../test/cleanups';

const { folder } = cleanupAfterEach();

function tempFile(): string {
  return path.join(folder(), 'standalone.sqlite');
}

const fileHash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function openError(file: string): ServiceError {
  try {
    openDatabase(file).close();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('openDatabase should have refused the file');
}

describe('opening and migrating the database', () => {
  it('migrates an empty database to the latest version with the required pragmas', () => {
    const file = tempFile();
    const db = openDatabase(file);
    expect(schemaVersionOf(db)).toBe(appSchemaVersion);
    expect(appSchemaVersion).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['audit_events', 'audit_head', 'devices', 'settings']),
    );
    db.close();
  });

  it('binds every column of the bound tables, also those added after migration 9 read them', () => {
    const db = openDatabase(tempFile());
    for (const table of boundTables(db)) {
      const columns = db
        .prepare(`PRAGMA table_info(${table.name})`)
        .all()
        .map((c) => (c as { name: string }).name);
      expect(
        table.columns.map((c) => c.name),
        table.name,
      ).toEqual(columns);
    }
    expect(boundTables(db).find((t) => t.name === 'signoffs')?.columns).toContainEqual({
      name: 'staff_id',
      kind: 'value',
    });
    db.close();
  });

  it('upgrades a database of every earlier version to the latest', () => {
    for (let version = 0; version < appSchemaVersion; version++) {
      const file = tempFile();
      const raw = new Database(file);
      raw.transaction(() => {
        for (const m of migrations.filter((m) => m.version <= version)) m.up(raw);
        raw.pragma(`user_version = ${version}`);
      })();
      raw.close();
      const db = openDatabase(file);
      expect(schemaVersionOf(db), `from version ${version}`).toBe(appSchemaVersion);
      db.close();
    }
  });

  it('is idempotent: migrating an up-to-date database changes nothing', () => {
    const db = openDatabase(tempFile());
    expect(migrate(db)).toEqual({ from: appSchemaVersion, to: appSchemaVersion });
    db.close();
  });

  it('refuses a database from a newer version with db_from_newer_version and leaves it untouched', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY)');
    raw.pragma(`user_version = ${appSchemaVersion + 1}`);
    raw.close();
    const before = fileHash(file);
    const error = openError(file);
    expect(error.code).toBe('db_from_newer_version');
    expect(error.message).toContain('newer version of Standalone');
    expect(error.message).toContain(`schema ${appSchemaVersion + 1}`);
    expect(fileHash(file)).toBe(before);
  });

  it('refuses a file that is not a database with db_corrupt', () => {
    const file = tempFile();
    fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
    const before = fileHash(file);
    const error = openError(file);
    expect(error.code).toBe('db_corrupt');
    expect(error.message).toContain(file);
    expect(fileHash(file)).toBe(before);
  });

  it('rolls back every pending migration when one of them fails', () => {
    const file = tempFile();
    const db = new Database(file);
    const broken = {
      version: 2,
      name: 'broken',
      up: (d: Database.Database) => d.exec('SELECT * FROM no_such_table'),
    };
    expect(() => migrate(db, [...migrations.slice(0, 1), broken])).toThrow(/no_such_table/);
    expect(schemaVersionOf(db)).toBe(0);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'devices'").pluck().get(),
    ).toBe(0);
    db.close();
  });
});
