import type Database from 'better-sqlite3';
import { forgetBoundTables } from '../audit/bound-tables';
import { wordedError } from '../core/errors';
// Each migration module imports the Migration type from here: a type-only cycle, erased at build.
import { migrations } from './migrations';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const appSchemaVersion: number = migrations.at(-1)?.version ?? 0;

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuse a database written by a newer app before anything touches it. */
export function assertNotNewer(db: Database.Database, file: string): void {
  const version = schemaVersionOf(db);
  if (version > appSchemaVersion) {
    throw wordedError(
      'db_from_newer_version',
      'databaseNewer',
      { file, version, appVersion: appSchemaVersion },
      { schemaVersion: version, appSchemaVersion },
    );
  }
}

/** Apply every pending migration in one transaction; the version lives in PRAGMA user_version. */
export function migrate(
  db: Database.Database,
  list: readonly Migration[] = migrations,
): { from: number; to: number } {
  const from = schemaVersionOf(db);
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
    })();
  } finally {
    forgetBoundTables(db);
  }
  return { from, to: schemaVersionOf(db) };
}
