import path from 'node:path';
import type { BackupRestoreReport } from '../../api/domains/backup';
import { err, ok, type Result } from '../../api/result';
import type { Caller } from '../core/context';
import { resolveDataDir } from '../core/data-dir';
import { ServiceError } from '../core/errors';
import { databaseFileName } from '../db/open';
import { operatorActor } from '../people/authorize';
import { restoreBackup } from './restore-backup';

/**
 * A restore when the services cannot start because the database cannot be opened (damaged, or
 * from a newer version): that is when a restore is needed most. The file-level restore runs
 * without the services; the database that would not open is kept aside like any replaced one.
 */
export function restoreWithoutServices(
  dataDir: string | undefined,
  backupFile: string,
  caller: Caller,
  force?: { reason: string },
): Result<BackupRestoreReport> {
  const databaseFile = path.join(resolveDataDir(dataDir), databaseFileName);
  try {
    const restored = restoreBackup({
      databaseFile,
      backupFile,
      time: new Date(),
      connection: {},
      actor: operatorActor(),
      caller,
      restoredBy: null,
      live: null,
      force,
    });
    restored.db.close();
    // No services ran on the unopenable database: nothing was running to stop.
    return ok({ ...restored.report, stoppedWork: [] });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return err(error.code, error.message, error.details);
  }
}
