import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/result';
import { verifyAuditChain } from '../audit/verify';
import { fixedClock } from '../core/clock';
import { ServiceError } from '../core/errors';
import { createMemoryLogger } from '../core/log';
import { appSchemaVersion } from '../db/migrate';
import { databaseFileName } from '../db/open';
import { startServices, type Runtime } from '../runtime';
import { startChildServices } from '../test/child-services';
import { bundleServices, type ServicesBundle } from '../test/services-bundle';
import { tableHash } from '../test/hostile/table-hash';
import { runCli } from '../test/run-cli';
import { sampleDevice } from '../test/sample-inputs';
import { signInAs } from '../test/temp-runtime';
import { typedCalls } from '../test/typed-calls';
import { fillDisk, mountTmpfs, whyMountsUnavailable, type TmpfsMount } from './test/tmpfs-mounts';
import { cleanupAfterEach } from '../test/cleanups';

const { folder, later } = cleanupAfterEach();

const minutes = 60_000;

/** The services process bundled once for the file, started as Node runs it (no tsx). */
let services: ServicesBundle;
beforeAll(async () => {
  services = await bundleServices();
}, 5 * minutes);
afterAll(() => services.cleanup());

function start(dataDir: string): Runtime {
  const rt = startServices({
    dataDir,
    clock: fixedClock('2026-11-28T08:00:00.000Z'),
    log: createMemoryLogger(),
    backupScheduler: false,
  });
  later(() => rt.close());
  return rt;
}

function mount(sizeKb: number): TmpfsMount {
  const m = mountTmpfs(sizeKb);
  later(() => m.cleanup());
  return m;
}

function dataDir(): string {
  return folder('standalone-storage-');
}

/** A data folder holding the demo facility, closed cleanly. */
async function demoDatabase(dir: string): Promise<void> {
  const rt = startServices({ dataDir: dir, log: createMemoryLogger(), backupScheduler: false });
  try {
    await rt.client().value('demo.load', {});
  } finally {
    rt.close();
  }
}

function openError(dir: string): ServiceError {
  try {
    start(dir);
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error(`the services opened ${dir}`);
}

/** What the app shows when its services process cannot start: the host's `fatal` message. */
async function hostStartError(dir: string): Promise<ApiError | string> {
  const child = startChildServices({ dataDir: dir, entry: services.entry });
  const outcome = await child.started;
  if (outcome.type === 'ready') await child.shutdown();
  else child.kill();
  return outcome.type === 'fatal' ? outcome.error : `${outcome.type}: ${child.stderr()}`;
}

const unavailable = whyMountsUnavailable();

describe('storage faults that need no mount', () => {
  it(
    'a database file overwritten in the middle: db_corrupt at open, in the CLI and in the app, file untouched',
    async () => {
      const dir = dataDir();
      await demoDatabase(dir);
      const file = path.join(dir, databaseFileName);
      const size = fs.statSync(file).size;
      const pageSize = 4096;
      const fd = fs.openSync(file, 'r+');
      // Two whole pages in the middle, headers included: garbage a bad sector or a bad copy leaves.
      const middle = Math.floor(size / 2 / pageSize) * pageSize;
      fs.writeSync(fd, Buffer.alloc(2 * pageSize, 0xa5), 0, 2 * pageSize, middle);
      fs.closeSync(fd);
      const damaged = fs.readFileSync(file);

      const error = openError(dir);
      expect(error.code).toBe('db_corrupt');
      expect(error.message).toContain(file);
      expect(error.message).toMatch(/restore the latest backup/i);
      const [cli, host] = await Promise.all([runCli(dir, ['db', 'check']), hostStartError(dir)]);
      expect(cli.code).toBe(3);
      expect(cli.stderr).toContain(`The database ${file}`);
      expect(cli.stderr).toMatch(/restore the latest backup/i);
      expect(host).toMatchObject({ code: 'db_corrupt' });
      // Nobody tried to "repair" it: the bytes are as damaged as they were, for a specialist.
      expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    },
    10 * minutes,
  );

  it('damage found during a call is db_corrupt with a message, not a crash', async () => {
    const dir = dataDir();
    await demoDatabase(dir);
    const rt = start(dir);
    await signInAs(rt, 'admin');
    const file = path.join(dir, databaseFileName);
    const root = rt.services.db
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'devices'")
      .pluck()
      .get() as number;
    // Under the running services (they read through a memory map, so they see it at once).
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4000, 0xa5), 0, 4000, (root - 1) * 4096 + 96);
    fs.closeSync(fd);
    const error = await typedCalls(rt).error('devices.list', { limit: 5 });
    expect(error.code).toBe('db_corrupt');
    expect(error.message).toContain(file);
    expect(error.message).toContain('backup restore');
  });

  it(
    'a database from a newer version: db_from_newer_version at open, in the CLI and in the app, unchanged',
    async () => {
      const dir = dataDir();
      await demoDatabase(dir);
      const file = path.join(dir, databaseFileName);
      const db = new Database(file);
      db.pragma(`user_version = ${appSchemaVersion + 1}`);
      db.pragma('journal_mode = DELETE'); // one self-contained file, to compare byte for byte
      db.close();
      const before = fs.readFileSync(file);

      const error = openError(dir);
      expect(error.code).toBe('db_from_newer_version');
      expect(error.message).toContain(`schema ${appSchemaVersion + 1}`);
      const [cli, host] = await Promise.all([
        runCli(dir, ['audit', 'verify']),
        hostStartError(dir),
      ]);
      expect(cli.code).toBe(3);
      expect(cli.stderr).toContain('written by a newer version of Standalone');
      expect(host).toMatchObject({ code: 'db_from_newer_version' });
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.readdirSync(dir).filter((n) => n.startsWith(databaseFileName))).toEqual([
        databaseFileName,
      ]);
    },
    10 * minutes,
  );
});

describe.skipIf(unavailable !== null)(
  `storage faults on real mounts${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('root ignores chmod, which is why a read-only folder is made with a read-only mount', () => {
      const dir = dataDir();
      fs.chmodSync(dir, 0o555);
      fs.writeFileSync(path.join(dir, 'written-anyway'), 'root bypasses file permissions');
      expect(fs.existsSync(path.join(dir, 'written-anyway'))).toBe(true);
      const m = mount(256);
      m.remount('ro');
      expect(() => fs.writeFileSync(path.join(m.dir, 'x'), 'x')).toThrow(/EROFS/);
    });

    it(
      'a read-only data folder: storage_error naming it, at open, in the CLI and in the app',
      async () => {
        const withDatabase = mount(4096);
        await demoDatabase(withDatabase.dir);
        withDatabase.remount('ro');
        const empty = mount(256);
        empty.remount('ro');

        for (const dir of [withDatabase.dir, empty.dir]) {
          const error = openError(dir);
          expect(error.code).toBe('storage_error');
          expect(error.message).toContain(dir);
          expect(error.message).toMatch(/writable/);
        }
        const [cli, host] = await Promise.all([
          runCli(withDatabase.dir, ['db', 'check']),
          hostStartError(empty.dir),
        ]);
        expect(cli.code).toBe(3);
        expect(cli.stderr).toContain(withDatabase.dir);
        expect(cli.stderr).not.toContain('unexpected failure');
        expect(host).toMatchObject({ code: 'storage_error' });
      },
      10 * minutes,
    );

    it('a backup into a read-only folder: storage_error naming it, nothing written', async () => {
      const dir = dataDir();
      await demoDatabase(dir);
      const rt = start(dir);
      await signInAs(rt, 'admin');
      const target = mount(4096);
      target.remount('ro');
      const before = tableHash(rt.services.db);
      const error = await typedCalls(rt).error('backup.create', { folder: target.dir });
      expect(error.code).toBe('storage_error');
      expect(error.message).toContain(target.dir);
      expect(fs.readdirSync(target.dir)).toEqual([]);
      expect(tableHash(rt.services.db)).toBe(before);
    });

    it(
      'a full disk: storage_error, nothing half-written, everything acknowledged still there after more space',
      async () => {
        const m = mount(3072);
        await demoDatabase(m.dir);
        const rt = start(m.dir);
        await signInAs(rt, 'admin');
        const acknowledged: string[] = [];
        const create = (tag: string) =>
          rt
            .client()
            .call(
              'devices.create',
              sampleDevice(tag, { notes: `${tag} `.repeat(Math.floor(3900 / (tag.length + 1))) }),
            );

        // Fill the disk, leaving room for a few writes: they succeed until it is full again.
        fillDisk(m.dir, 256 * 1024);
        let refused: ApiError | undefined;
        let refusedTag = '';
        for (let i = 0; i < 500 && !refused; i++) {
          const tag = `FULL-${String(i).padStart(3, '0')}`;
          const r = await create(tag);
          if (r.ok) acknowledged.push(tag);
          else {
            refused = r.error;
            refusedTag = tag;
          }
        }
        expect(acknowledged.length).toBeGreaterThan(0);
        expect(refused?.code).toBe('storage_error');
        expect(refused?.message).toContain(m.dir);
        expect(refused?.message).toMatch(/full.*rolled back/s);

        // Nothing half-written: the refused device is not there, the chain ends at the last
        // acknowledged change, and reads still work.
        const db = rt.services.db;
        expect(
          db.prepare('SELECT count(*) FROM devices WHERE asset_tag = ?').pluck().get(refusedTag),
        ).toBe(0);
        const chain = verifyAuditChain(db);
        expect(chain.ok).toBe(true);
        const list = await rt.client().value('devices.list', { search: 'FULL-', limit: 1000 });
        expect(list.total).toBe(acknowledged.length);
        // A backup onto the full disk fails cleanly too: no partial file left behind.
        const backup = await typedCalls(rt).error('backup.create', {
          folder: path.join(m.dir, 'backups'),
        });
        expect(backup.code).toBe('storage_error');
        const backups = path.join(m.dir, 'backups');
        expect(fs.existsSync(backups) ? fs.readdirSync(backups) : []).toEqual([]);
        // And from the command line, with a message and exit 3: an inventory larger than any
        // room left in the write-ahead log by the refused write.
        const csv = path.join(dataDir(), 'inventory.csv');
        const rows = Array.from(
          { length: 300 },
          (_, i) => `CLI-FULL-${i},Siemens,Symbia T2,${'note '.repeat(200)}`,
        );
        fs.writeFileSync(csv, ['Asset Tag,Manufacturer,Model,Notes', ...rows].join('\n'));
        const cli = await runCli(m.dir, ['inventory', 'import', csv]);
        expect(cli.code).toBe(3);
        expect(cli.stderr).toMatch(/standalone: The disk holding .* is full/);

        // More space: the same services carry on, and a restart finds everything acknowledged.
        m.remount('size=16m');
        const after = await create('AFTER-SPACE');
        expect(after.ok ? 'ok' : after.error).toBe('ok');
        rt.close();
        const again = start(m.dir);
        const tags = again.services.db
          .prepare(
            "SELECT asset_tag FROM devices WHERE asset_tag LIKE 'FULL-%' OR asset_tag = 'AFTER-SPACE' ORDER BY asset_tag",
          )
          .pluck()
          .all();
        expect(tags).toEqual(['AFTER-SPACE', ...acknowledged]);
        expect(verifyAuditChain(again.services.db)).toMatchObject({
          ok: true,
          eventCount: chain.eventCount + 1,
        });
        const check = await again.client().value('db.check', { full: true });
        expect(check).toMatchObject({ ok: true });
      },
      10 * minutes,
    );
  },
);
