import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, BackupVerification } from '../../api/domains/backup';
import { tableHash } from '../test/hostile/table-hash';
import { signInAs, startTestRuntime, tempDir, type TestRuntime } from '../test/temp-runtime';
import { cleanupAfterEach } from '../test/cleanups';

const { later } = cleanupAfterEach();

async function demoAsAdmin(): Promise<TestRuntime> {
  const rt = startTestRuntime();
  later(rt.cleanup);
  await rt.client().value('demo.load', {});
  await signInAs(rt, 'admin');
  return rt;
}

function folder(): string {
  const t = tempDir('standalone-backups-');
  later(t.cleanup);
  return t.dir;
}

/** Change a backup with raw SQL, then write its checksum and manifest to match, as an attacker would. */
function tamper(backup: BackupInfo, sql: string): void {
  const db = new Database(backup.file);
  db.exec(sql);
  db.close();
  const sha = execFileSync('sha256sum', [backup.file], { encoding: 'utf8' }).split(' ')[0] ?? '';
  fs.writeFileSync(`${backup.file}.sha256`, `${sha}  ${backup.fileName}\n`);
  const manifestFile = backup.file.replace(/\.sqlite$/, '.manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, sha256: sha }));
}

const lastEvent = (rt: TestRuntime) =>
  JSON.parse(
    rt.services.db
      .prepare('SELECT body FROM audit_events ORDER BY id DESC LIMIT 1')
      .pluck()
      .get() as string,
  ) as { action: string; payload: Record<string, unknown> };

/** A trigger that would quietly put a deferred case back in service whenever it is written. */
const hostileTrigger = `CREATE TRIGGER cases_back_in_service AFTER UPDATE ON cases BEGIN
  UPDATE cases SET state = 'returned_to_service' WHERE id = NEW.id; END;`;

describe('restore refuses what the app did not write, unless an administrator says why', () => {
  it.each([
    ['a trigger', hostileTrigger, 'trigger cases_back_in_service (not created by Standalone)'],
    ['a view', 'CREATE VIEW open_cases AS SELECT * FROM cases;', 'view open_cases'],
    ['a table', 'CREATE TABLE notes_aside (x TEXT);', 'table notes_aside'],
    [
      'a changed table of the app',
      'ALTER TABLE cases ADD COLUMN hidden_note TEXT;',
      'table cases (its definition was changed)',
    ],
  ])('refuses a backup holding %s, and names it', async (_label, sql, named) => {
    const rt = await demoAsAdmin();
    const backup = await rt.client().value('backup.create', { folder: folder() });
    tamper(backup, sql);
    const before = tableHash(rt.services.db);

    const result = await rt.client().call('backup.restore', { file: backup.file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('conflict');
    expect(result.error.message).toContain(named);
    const v = (result.error.details as { verification: BackupVerification }).verification;
    expect(v.forceable).toBe(true);
    expect(v.checks.filter((c) => c.status !== 'ok').map((c) => c.name)).toEqual([
      'schema_objects',
    ]);
    expect(tableHash(rt.services.db)).toBe(before);
    // `backup verify` reports the same.
    const verified = await rt.client().value('backup.verify', { file: backup.file });
    expect(verified).toMatchObject({ ok: false, forceable: true });
  });

  it('a forced restore drops the foreign trigger and records the reason', async () => {
    const rt = await demoAsAdmin();
    const backup = await rt.client().value('backup.create', { folder: folder() });
    tamper(backup, hostileTrigger);
    const short = await rt
      .client()
      .call('backup.restore', { file: backup.file, force: { reason: 'because' } });
    expect(short.ok ? 'ok' : short.error.code).toBe('invalid_input');

    const reason = 'The only backup left after the disk failed; trigger to be investigated.';
    const report = await rt
      .client()
      .value('backup.restore', { file: backup.file, force: { reason } });
    expect(report.forced).toMatchObject({ reason, overridden: ['schema_objects'] });
    expect(report.forced?.schemaRepairs).toEqual(['trigger cases_back_in_service: dropped']);
    const triggers = rt.services.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .pluck()
      .all();
    expect(triggers).not.toContain('cases_back_in_service');
    const event = lastEvent(rt);
    expect(event.action).toBe('backup.restored');
    expect(event.payload.forced).toMatchObject({ reason, overridden: ['schema_objects'] });
  });

  it('refuses a backup whose chain does not reach the latest anchor, and restores it when forced', async () => {
    const rt = await demoAsAdmin();
    const dir = folder();
    const older = await rt.client().value('backup.create', { folder: dir });
    // A later artefact leaves the app with its anchor: the older backup's history ends before it.
    rt.clock.advance(60_000);
    await rt.client().value('backup.create', { folder: dir });

    const refused = await rt.client().call('backup.restore', { file: older.file });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('conflict');
    expect(refused.error.message).toContain('latest anchor');
    const v = (refused.error.details as { verification: BackupVerification }).verification;
    expect(v.checks.filter((c) => c.status !== 'ok').map((c) => c.name)).toEqual(['anchor']);

    const reason = 'Rolling back the import of the wrong inventory file this morning.';
    const report = await rt
      .client()
      .value('backup.restore', { file: older.file, force: { reason } });
    expect(report.forced).toMatchObject({ reason, overridden: ['anchor'], schemaRepairs: [] });
    expect(lastEvent(rt).payload.forced).toMatchObject({ reason, overridden: ['anchor'] });
  });

  it('a forced restore still refuses a broken chain', async () => {
    const rt = await demoAsAdmin();
    const backup = await rt.client().value('backup.create', { folder: folder() });
    tamper(
      backup,
      `${hostileTrigger}
       UPDATE audit_events SET body = json_set(body, '$.payload.facility', 'Elsewhere') WHERE id = 1;`,
    );
    const result = await rt.client().call('backup.restore', {
      file: backup.file,
      force: { reason: 'Trying to get past every check at once.' },
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('db_corrupt');
  });
});
