import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, BackupRestoreReport } from '../../api/domains/backup';
import type { InputOf, MethodName } from '../../api/methods';
import { databaseFileName } from '../../services/db/open';
import { startServices, type Runtime } from '../../services/runtime';
import { tableHash } from '../../services/test/hostile/table-hash';
import { runCliSync as cli } from '../../services/test/run-cli';
import { cleanupAfterEach } from '../../services/test/cleanups';

const { folder } = cleanupAfterEach();

const operator = { kind: 'operator', osUser: 'backup-test' } as const;

/** Setup and checks run in-process (each CLI start costs seconds); the commands under test run as the CLI. */
async function inProcess<T>(dir: string, fn: (rt: Runtime) => Promise<T> | T): Promise<T> {
  const rt = startServices({ dataDir: dir, backupScheduler: false });
  try {
    return await fn(rt);
  } finally {
    rt.close();
  }
}

/** The value of a call as the command line's operator (set-up and checks in-process). */
function call<M extends MethodName>(rt: Runtime, method: M, input: InputOf<M>) {
  return rt.client(operator).value(method, input);
}

const userNames = (rt: Runtime) =>
  rt.services.db.prepare('SELECT display_name FROM users ORDER BY id').pluck().all() as string[];

/** A database with the demo facility and a backup of it, made in-process. */
async function demoWithBackup(dir: string, backups: string): Promise<BackupInfo> {
  return inProcess(dir, async (rt) => {
    await call(rt, 'demo.load', {});
    return call(rt, 'backup.create', { folder: backups });
  });
}

const minutes = 60_000;

function contentHash(dir: string): string {
  const db = new Database(path.join(dir, databaseFileName), { readonly: true });
  try {
    return tableHash(db);
  } finally {
    db.close();
  }
}

describe('standalone backup', () => {
  it(
    'creates, lists, verifies and restores; the replaced database is kept aside',
    async () => {
      const dir = folder('standalone-cli-backup-');
      const backups = folder('standalone-cli-backups-');
      await inProcess(dir, (rt) => call(rt, 'demo.load', {}));

      const created = cli(dir, ['backup', 'create', backups, '--json']);
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      const info = JSON.parse(created.stdout) as BackupInfo;
      expect(info.file).toBe(path.join(backups, info.fileName));
      expect(info.fileName).toMatch(/^standalone-\d{4}-\d{2}-\d{2}T\d{6}Z-schema\d+\.sqlite$/);

      const listed = cli(dir, ['backup', 'list', backups]);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain(info.fileName);
      const verified = cli(dir, ['backup', 'verify', info.file]);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/ok +audit_chain/);

      // A change after the backup: a new user.
      const usersBefore = await inProcess(dir, async (rt) => {
        const before = userNames(rt);
        await call(rt, 'people.create', {
          displayName: 'After Backup',
          roles: ['admin'],
          secret: '739146',
        });
        expect(userNames(rt)).toContain('After Backup');
        return before;
      });

      const restored = cli(dir, ['backup', 'restore', info.file, '--json']);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      const report = JSON.parse(restored.stdout) as BackupRestoreReport;
      expect(fs.existsSync(report.replacedDatabaseKeptAs ?? '')).toBe(true);
      await inProcess(dir, async (rt) => {
        expect(userNames(rt)).toEqual(usersBefore);
        expect(await call(rt, 'audit.verify', {})).toMatchObject({ ok: true });
        expect(await call(rt, 'db.check', { full: true })).toMatchObject({ ok: true });
        const last = await call(rt, 'audit.list', { afterId: report.auditEventId - 1 });
        expect(last[0]).toMatchObject({
          action: 'backup.restored',
          payload: { operatorOsUser: os.userInfo().username },
        });
      });
    },
    10 * minutes,
  );

  it(
    'restores over a database that no longer opens (damaged), keeping the damaged one aside',
    async () => {
      const dir = folder('standalone-cli-backup-');
      const info = await demoWithBackup(dir, folder('standalone-cli-backups-'));

      const file = path.join(dir, databaseFileName);
      fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 0x5a));
      const check = cli(dir, ['db', 'check']);
      expect(check.code).toBe(3);
      expect(check.stderr).toContain('damaged');

      const restored = cli(dir, ['backup', 'restore', info.file]);
      expect(restored.code).toBe(0);
      expect(restored.stderr).toContain('cannot be opened');
      const kept = /kept as (.*standalone\.replaced-.*\.sqlite)/.exec(restored.stdout)?.[1] ?? '';
      expect(fs.readFileSync(kept).equals(Buffer.alloc(fs.statSync(kept).size, 0x5a))).toBe(true);
      await inProcess(dir, async (rt) => {
        expect(await call(rt, 'audit.verify', {})).toMatchObject({ ok: true });
        expect(await call(rt, 'db.check', { full: true })).toMatchObject({ ok: true });
      });
    },
    10 * minutes,
  );

  it(
    'refuses a changed backup with exit 1 naming the check, and changes nothing',
    async () => {
      const dir = folder('standalone-cli-backup-');
      const info = await demoWithBackup(dir, folder('standalone-cli-backups-'));
      fs.appendFileSync(info.file, 'x');
      const before = contentHash(dir);

      const verify = cli(dir, ['backup', 'verify', info.file]);
      expect(verify.code).toBe(1);
      expect(verify.stdout).toMatch(/failed +checksum/);
      const restore = cli(dir, ['backup', 'restore', info.file]);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('was not restored');
      expect(restore.stderr).toMatch(/failed +checksum/);
      expect(contentHash(dir)).toBe(before);
      expect(fs.readdirSync(dir).filter((n) => n.includes('replaced'))).toEqual([]);

      const missing = cli(dir, ['backup', 'restore']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('backup restore FILE');
    },
    10 * minutes,
  );
});
