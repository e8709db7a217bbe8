/**
 * Operations on the record as a whole: the replay check (`audit verify` since the last verified
 * point, the full check when there is none) while the other calls run, and a backup restored at
 * once over the database.
 */
import type Database from 'better-sqlite3';
import type { BackupInfo, BackupRestoreReport } from '../../../api/domains/backup';
import type { AuditVerifyReport } from '../../../api/domains/system';
import { demoAdmin } from './case-operations';
// A cycle with operations.ts, which spreads these entries into its table: types only, erased at
// run time, so neither module waits for the other to load. The types stay beside the table.
import type { Operation } from './operations';

const has = (db: Database.Database, sql: string, ...params: unknown[]) =>
  db.prepare(sql).get(...params) !== undefined;

export const recordOperations: Operation[] = [
  {
    name: 'check the records (replay)',
    kind: 'replay checks',
    method: 'audit.verify',
    // Since the last verified point: the first in each process (no point yet, or the data changed
    // under it, as after a restore) is the full check, the others cost only what is new, so the
    // stream does not slow down as the database grows. The restarts check the whole once a stretch.
    input: () => ({ scope: 'incremental' }),
    // Nothing to find afterwards; what it found while the process ran must have been sound.
    missing(_db, { value }) {
      const report = value as AuditVerifyReport;
      if (report.ok) return null;
      const problem = report.firstBad ?? report.records?.problems[0] ?? null;
      return `the replay check failed while the process ran: ${JSON.stringify(problem)}`;
    },
  },
  {
    // A backup of the database as it stands, restored over it straight away, with no other call
    // in flight (exclusive): the restored database holds everything acknowledged, so the ledger
    // still applies, and a kill can land in the backup, the file swap or the sign-in after it.
    name: 'back up and restore',
    kind: 'restores',
    method: 'backup.restore',
    exclusive: true,
    input: (state) => (state.backupFolder === null ? null : { folder: state.backupFolder }),
    async run(call, input) {
      const backup = await call('backup.create', input);
      if (!backup.ok) return backup;
      const restored = await call('backup.restore', { file: (backup.value as BackupInfo).file });
      if (!restored.ok) return restored;
      // The restore signs everyone out: the administrator signs in again for the next calls.
      const signedIn = await call('session.signIn', demoAdmin);
      return signedIn.ok ? restored : signedIn;
    },
    missing(db, { value }) {
      const { auditEventId } = value as BackupRestoreReport;
      return has(
        db,
        `SELECT 1 FROM audit_events WHERE id = ? AND entity_type = 'database'
            AND json_extract(body, '$.action') = 'backup.restored'`,
        auditEventId,
      )
        ? null
        : `the restore's audit event ${auditEventId}`;
    },
  },
];
