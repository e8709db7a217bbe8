import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSchemaVersion } from '../services/db/migrate';
import { databaseFileName } from '../services/db/open';
import { repoRoot } from '../services/test/temp-runtime';
import { freshDataDirs, runCliSync } from '../services/test/run-cli';

const dataDir = freshDataDirs();

/** The real CLI in its own process, as a user would run it. */
const cli = (dir: string, ...args: string[]) => runCliSync(dir, args);

const demoDevices = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'resources/demo/devices.json'), 'utf8'),
) as unknown[];

describe('the standalone CLI', () => {
  it('loads the demo, then db check and audit verify pass', () => {
    const dir = dataDir();
    const load = cli(dir, 'demo', 'load', '--json');
    expect(load.stderr).toBe('');
    expect(load.code).toBe(0);
    expect(JSON.parse(load.stdout)).toMatchObject({ devicesAdded: demoDevices.length });

    const check = cli(dir, '--json', 'db', 'check');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({
      ok: true,
      schemaVersion: appSchemaVersion,
      journalMode: 'wal',
    });

    const full = cli(dir, 'db', 'check', '--full', '--json');
    expect(JSON.parse(full.stdout)).toMatchObject({ ok: true, check: 'integrity_check' });

    const verify = cli(dir, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit chain ok: \d+ events/);
  });

  it('demo load --lang de writes the demo’s departments in German; --lang fr is refused', () => {
    const dir = dataDir();
    const refused = cli(dir, 'demo', 'load', '--lang', 'fr');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--lang must be one of en, de; "fr" is not.');
    expect(cli(dir, 'demo', 'load', '--lang', 'de').code).toBe(0);
    const db = new Database(path.join(dir, databaseFileName), { readonly: true });
    const departments = db
      .prepare('SELECT DISTINCT department FROM devices ORDER BY department')
      .pluck()
      .all();
    db.close();
    expect(departments).toEqual([
      'Intensivmedizin',
      'Kardiologie',
      'Labor',
      'Nuklearmedizin',
      'Radiologie',
      'Spitalapotheke',
    ]);
  });

  it('exits 1 naming the event whose payload was edited with raw SQL', () => {
    const dir = dataDir();
    expect(cli(dir, 'demo', 'load').code).toBe(0);
    const db = new Database(path.join(dir, databaseFileName));
    const first = db.prepare('SELECT min(id) FROM audit_events').pluck().get() as number;
    db.prepare(
      `UPDATE audit_events SET body = json_set(body, '$.payload.devices', 1) WHERE id = ?`,
    ).run(first);
    db.close();
    const verify = cli(dir, 'audit', 'verify', '--json');
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: false, firstBad: { id: first } });
    const human = cli(dir, 'audit', 'verify');
    expect(human.stdout).toContain(`BROKEN at event ${first}`);
  });

  it('refuses to load the demo twice, with exit 2 and nothing changed', () => {
    const dir = dataDir();
    expect(cli(dir, 'demo', 'load').code).toBe(0);
    const before = JSON.parse(cli(dir, 'audit', 'verify', '--json').stdout) as {
      eventCount: number;
    };
    const again = cli(dir, 'demo', 'load');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('empty database');
    expect(JSON.parse(cli(dir, 'audit', 'verify', '--json').stdout)).toMatchObject({
      ok: true,
      eventCount: before.eventCount,
    });
  });

  it('refuses a database from a newer version with exit 3 and a clear message', () => {
    const dir = dataDir();
    const db = new Database(path.join(dir, databaseFileName));
    db.pragma(`user_version = ${appSchemaVersion + 5}`);
    db.close();
    const r = cli(dir, 'db', 'check');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('newer version of Standalone');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers unknown commands and bad options with usage and exit 2', () => {
    const dir = dataDir();
    const unknown = cli(dir, 'db', 'drop');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "db drop"');
    const badOption = cli(dir, 'db', 'check', '--frobnicate');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--frobnicate');
  });
});
