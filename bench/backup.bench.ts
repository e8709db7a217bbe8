import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../electron/services/audit/append';
import { createBackup } from '../electron/services/backup/create-backup';
import { restoreIntoServices } from '../electron/services/backup/restore-backup';
import { verifyBackupFile } from '../electron/services/backup/verify-backup';
import { createMemoryLogger } from '../electron/services/core/log';
import { insertDevice } from '../electron/services/devices/devices';
import { startServices } from '../electron/services/runtime';
import { sampleDevice } from '../electron/services/test/sample-inputs';
import { appendSystemEvents } from './bench-events';
import { benchDir, figure, timeAsync as timed, type BenchSuite, type Figure } from './harness';

const devices = 5_000;
const events = 200_000;

/** Backup, verification and restore of a database a large hospital could have after an incident. */
export const backupBench: BenchSuite = {
  name: 'backup',
  async run() {
    const figures: Figure[] = [];
    const { dir, cleanup } = benchDir();
    const rt = startServices({
      dataDir: dir,
      log: createMemoryLogger(),
      backupScheduler: false,
      replayCheckAtStart: false,
    });
    try {
      const { db } = rt.services;
      const now = new Date('2026-11-28T08:00:00Z');
      db.transaction(() => {
        for (let i = 0; i < devices; i++)
          insertDevice(db, sampleDevice(`BENCH-${i}`), now.toISOString());
        appendSystemEvents(db, events, { action: 'checklist.answered', entityType: 'case' }, now);
      })();
      const size =
        fs.statSync(rt.services.databaseFile).size +
        fs.statSync(`${rt.services.databaseFile}-wal`).size;
      const folder = path.join(dir, 'backups');
      const created = await timed(() => createBackup(rt.services, folder, 'manual'));
      const mb = created.value.info.bytes / 1024 / 1024;
      figures.push(
        figure(`backup create (online backup + SHA-256), ${mb.toFixed(1)} MB`, created.ms, 'ms'),
      );
      const verified = await timed(() => verifyBackupFile(created.value.info.file));
      if (!verified.value.ok) throw new Error('the backup did not verify');
      figures.push(
        figure(
          `backup verify (checksum, integrity_check, ${events / 1000}k-event chain)`,
          verified.ms,
          'ms',
        ),
      );
      const restored = await timed(() =>
        restoreIntoServices(
          {
            services: rt.services,
            actor: systemActor,
            caller: { kind: 'operator', osUser: 'bench' },
            user: null,
          },
          created.value.info.file,
        ),
      );
      figures.push(figure('backup restore (verify, copy, swap, reopen, audit)', restored.ms, 'ms'));
      figures.push(
        figure('live database before the backup (file + WAL)', size / 1024 / 1024, 'MB'),
      );
    } finally {
      rt.close();
      cleanup();
    }
    return figures;
  },
};
