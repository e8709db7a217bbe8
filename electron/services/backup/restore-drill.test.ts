import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, BackupVerification } from '../../api/domains/backup';
import { verifyAuditChain } from '../audit/verify';
import { databaseFileName } from '../db/open';
import { tableHash } from '../test/hostile/table-hash';
import { sampleDevice } from '../test/sample-inputs';
import { signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { cleanupAfterEach } from '../test/cleanups';

const { later, folder: tempFolder } = cleanupAfterEach();

function runtime(): TestRuntime {
  const rt = startTestRuntime();
  later(rt.cleanup);
  return rt;
}

const folder = () => tempFolder('standalone-backups-');

const device = (assetTag: string) => sampleDevice(assetTag);

async function demoAsAdmin(rt: TestRuntime): Promise<void> {
  await rt.client().value('demo.load', {});
  await signInAs(rt, 'admin');
}

const asideFiles = (dir: string) =>
  fs.readdirSync(dir).filter((n) => /^standalone\.replaced-.*\.sqlite$/.test(n));

describe('backups', () => {
  it('writes a consistent single-file copy named for time and schema, with checksum and manifest', async () => {
    const rt = runtime();
    await demoAsAdmin(rt);
    const dir = folder();
    const info = await rt.client().value('backup.create', { folder: dir });
    expect(info.fileName).toMatch(/^standalone-2026-11-28T080000Z-schema\d+\.sqlite$/);
    expect(info.kind).toBe('manual');
    // sha256sum can check it without Standalone.
    const sidecar = fs.readFileSync(`${info.file}.sha256`, 'utf8');
    expect(sidecar).toBe(`${info.sha256}  ${info.fileName}\n`);
    expect(
      execFileSync('sha256sum', ['-c', `${info.fileName}.sha256`], { cwd: dir, encoding: 'utf8' }),
    ).toContain(': OK');
    const manifest = JSON.parse(
      fs.readFileSync(info.file.replace(/\.sqlite$/, '.manifest.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest).toMatchObject({ sha256: info.sha256, kind: 'manual', file: info.fileName });
    // Self-contained: rollback journal mode, nothing beside it, no temporary file left.
    expect(fs.readdirSync(dir).sort()).toEqual(
      [
        info.fileName,
        `${info.fileName}.sha256`,
        info.fileName.replace(/\.sqlite$/, '.manifest.json'),
      ].sort(),
    );
    const copy = new Database(info.file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT count(*) FROM devices').pluck().get()).toBe(34);
    expect(verifyAuditChain(copy).ok).toBe(true);
    copy.close();
    // The backup is audited in the live database, after the copy was taken.
    const events = rt.services.db
      .prepare(
        "SELECT count(*) FROM audit_events WHERE json_extract(body, '$.action') = 'backup.created'",
      )
      .pluck()
      .get();
    expect(events).toBe(1);
    // A second backup in the same second gets its own name.
    const again = await rt.client().value('backup.create', { folder: dir });
    expect(again.fileName).toMatch(/-2\.sqlite$/);
    const list = await rt.client().value('backup.list', { folder: dir });
    expect(list.map((b) => b.fileName).sort()).toEqual([info.fileName, again.fileName].sort());
  });

  it('restore drill: back up, change, restore — the changes are gone, the chain verifies, the replaced database is kept', async () => {
    const rt = runtime();
    await demoAsAdmin(rt);
    const dir = folder();
    const backup = await rt.client().value('backup.create', { folder: dir });
    const eventsInBackup = verifyAuditChain(
      new Database(backup.file, { readonly: true }),
    ).eventCount;

    const notesBefore = rt.services.db
      .prepare('SELECT notes FROM devices WHERE id = 1')
      .pluck()
      .get();
    rt.clock.advance(60_000);
    const added = await rt.client().value('devices.create', device('DRILL-001'));
    await rt.client().value('devices.update', {
      id: 1,
      changes: { notes: 'changed after the backup' },
    });
    const changedHash = tableHash(rt.services.db);

    rt.clock.advance(60_000);
    const report = await rt.client().value('backup.restore', { file: backup.file });

    // The changes are gone.
    const db = rt.services.db;
    expect(
      db.prepare('SELECT count(*) FROM devices WHERE asset_tag = ?').pluck().get('DRILL-001'),
    ).toBe(0);
    expect(db.prepare('SELECT notes FROM devices WHERE id = 1').pluck().get()).toBe(notesBefore);
    // The chain verifies, and the restore is its first event after the backup's own.
    const audit = await rt.client().value('audit.verify', {});
    expect(audit).toMatchObject({ ok: true, eventCount: eventsInBackup + 1 });
    expect(report.auditEventId).toBe(eventsInBackup + 1);
    const last = JSON.parse(
      db
        .prepare('SELECT body FROM audit_events WHERE id = ?')
        .pluck()
        .get(report.auditEventId) as string,
    ) as { action: string; payload: Record<string, unknown> };
    expect(last.action).toBe('backup.restored');
    expect(last.payload).toMatchObject({
      sha256: backup.sha256,
      replacedDatabaseKeptAs: report.replacedDatabaseKeptAs,
    });
    // The replaced database is kept aside, whole, with the changes in it.
    expect(asideFiles(rt.dir)).toHaveLength(1);
    expect(report.replacedDatabaseKeptAs).toBe(path.join(rt.dir, asideFiles(rt.dir)[0] ?? ''));
    const aside = new Database(report.replacedDatabaseKeptAs ?? '', { readonly: true });
    expect(tableHash(aside)).toBe(changedHash);
    expect(
      aside.prepare('SELECT id FROM devices WHERE asset_tag = ?').pluck().get('DRILL-001'),
    ).toBe(added.id);
    aside.close();
    // The restored database has its own users: the station is signed out.
    expect((await rt.client().value('session.status', {})).state).toBe('signed_out');
    // And the services carry on, on the restored file.
    expect((await signInAndList(rt)).total).toBe(34);
    expect(fs.existsSync(path.join(rt.dir, databaseFileName))).toBe(true);
  });

  it.each([
    ['a changed byte', 'checksum', 'db_corrupt'],
    ['no checksum beside it', 'checksum', 'db_corrupt'],
    ['an edited audit event (checksum rewritten to match)', 'audit_chain', 'db_corrupt'],
    [
      'a schema from a newer app (checksum rewritten to match)',
      'schema_version',
      'db_from_newer_version',
    ],
    ['damaged pages (checksum rewritten to match)', 'integrity', 'db_corrupt'],
    [
      'a file that is not a database (checksum rewritten to match)',
      'standalone_database',
      'invalid_input',
    ],
  ] as const)(
    'refuses a backup with %s before it replaces anything',
    async (label, check, code) => {
      const rt = runtime();
      await demoAsAdmin(rt);
      const dir = folder();
      const backup = await rt.client().value('backup.create', { folder: dir });
      spoil(backup, label);
      const before = tableHash(rt.services.db);
      const filesBefore = fs.readdirSync(rt.dir).sort();

      const result = await rt.client().call('backup.restore', { file: backup.file });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain('Nothing was changed');
      const verification = (result.error.details as { verification: BackupVerification })
        .verification;
      expect(verification.checks.find((c) => c.status === 'failed')?.name).toBe(check);
      // Nothing replaced, nothing moved, no one signed out.
      expect(tableHash(rt.services.db)).toBe(before);
      expect(fs.readdirSync(rt.dir).sort()).toEqual(filesBefore);
      expect((await rt.client().value('session.status', {})).state).toBe('active');
    },
  );

  it('refuses to restore while another process holds the database, and carries on', async () => {
    const rt = runtime();
    await demoAsAdmin(rt);
    const backup = await rt.client().value('backup.create', { folder: folder() });
    // Another connection, as the app would hold while someone restores from the command line.
    const other = new Database(path.join(rt.dir, databaseFileName));
    other.prepare('SELECT count(*) FROM devices').get();
    try {
      const result = await rt.client().call('backup.restore', { file: backup.file });
      expect(result.ok ? 'ok' : result.error.code).toBe('conflict');
      expect(asideFiles(rt.dir)).toEqual([]);
      // The services reopened the same database and still work.
      const page = await rt.client().value('devices.list', { limit: 1 });
      expect(page.total).toBe(34);
    } finally {
      other.close();
    }
  });

  it('checks paths and permissions', async () => {
    const rt = runtime();
    await demoAsAdmin(rt);
    for (const folderInput of ['relative/folder', '../../etc', 'C:\\Windows\\x', '/tmp/a\0b']) {
      const r = await rt.client().call('backup.create', { folder: folderInput });
      expect(r.ok ? 'ok' : r.error.code).toBe('invalid_input');
    }
    const missing = await rt.client().call('backup.restore', {
      file: path.join(folder(), 'none.sqlite'),
    });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    await signInAs(rt, 'technologist');
    const refused = await rt.client().call('backup.restore', { file: '/x.sqlite' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
  });
});

async function signInAndList(rt: TestRuntime) {
  // The helper's users were created in the replaced database; make one in the restored one.
  rt.services.sessions.current = null;
  await signInAs(rt, ['biomed', 'admin']);
  return rt.client().value('devices.list', { limit: 1 });
}

/** Spoil a backup the way the label says; where a checksum is rewritten, only deep checks can tell. */
function spoil(backup: BackupInfo, label: string): void {
  const manifestFile = backup.file.replace(/\.sqlite$/, '.manifest.json');
  const rewriteChecksum = () => {
    const sha = execFileSync('sha256sum', [backup.file], { encoding: 'utf8' }).split(' ')[0] ?? '';
    fs.writeFileSync(`${backup.file}.sha256`, `${sha}  ${backup.fileName}\n`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, sha256: sha }));
  };
  if (label.startsWith('a changed byte')) {
    const fd = fs.openSync(backup.file, 'r+');
    fs.writeSync(fd, Buffer.from([0x42]), 0, 1, Math.floor(backup.bytes / 2));
    fs.closeSync(fd);
  } else if (label.startsWith('no checksum')) {
    fs.rmSync(`${backup.file}.sha256`);
    fs.rmSync(manifestFile);
  } else if (label.startsWith('an edited audit event')) {
    const db = new Database(backup.file);
    db.prepare(
      `UPDATE audit_events SET body = json_set(body, '$.payload.facility', 'Elsewhere') WHERE id = 1`,
    ).run();
    db.close();
    rewriteChecksum();
  } else if (label.startsWith('a schema from a newer')) {
    const db = new Database(backup.file);
    db.pragma(`user_version = ${backup.schemaVersion + 1}`);
    db.close();
    rewriteChecksum();
  } else if (label.startsWith('damaged pages')) {
    corruptIndexPages(backup.file);
    rewriteChecksum();
  } else {
    fs.writeFileSync(backup.file, 'this is not a database\n'.repeat(100));
    rewriteChecksum();
  }
}

/** Overwrite the b-tree pages of an index: the file still opens, integrity_check finds the damage. */
function corruptIndexPages(file: string): void {
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db
    .prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = 'devices_vendor'")
    .pluck()
    .get() as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  // Keep the page's header byte (so it is still a b-tree page) and scramble its cells.
  fs.writeSync(
    fd,
    Buffer.alloc(pageSize - 200, 0x5a),
    0,
    pageSize - 200,
    (root - 1) * pageSize + 100,
  );
  fs.closeSync(fd);
}
