import { ServiceError } from '../core/errors';
import { createFileLogger, type Logger } from '../core/log';
import { createFolder } from './create-folder';

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The file a Node file system error names, if it names one. */
function pathOf(error: unknown): string | undefined {
  const p = (error as { path?: unknown } | null)?.path;
  return typeof p === 'string' ? p : undefined;
}

/**
 * A storage failure raised while a call ran — SQLite's SQLITE_FULL / SQLITE_READONLY* /
 * SQLITE_IOERR* / SQLITE_CORRUPT*, or the file system's ENOSPC / EROFS / EIO — as the error the
 * user can act on. The call's transaction was rolled back (better-sqlite3 rolls back a
 * transaction whose function throws), so the message can say that nothing was half-written.
 * Anything else is not a storage failure: undefined.
 */
export function describeStorageFailure(
  error: unknown,
  where: { dataDir: string; databaseFile: string },
): ServiceError | undefined {
  const code = codeOf(error);
  if (!code) return undefined;
  const place = pathOf(error) ?? where.dataDir;
  const details = { code, path: place };
  const notSaved = 'What this call was writing was rolled back: nothing is half-written.';
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') {
    return new ServiceError(
      'storage_error',
      `The disk holding ${place} is full. ${notSaved} Free some space (or move the data folder), ` +
        'then try again; everything saved before is still there.',
      details,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new ServiceError(
      'storage_error',
      `${place} is read-only (${code}). ${notSaved} Make the data folder writable (or check the ` +
        'drive’s write protection), then restart Standalone.',
      details,
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO') {
    return new ServiceError(
      'storage_error',
      `The disk holding ${place} reported an input/output error (${code}). ${notSaved} Check the ` +
        'disk, then restart Standalone; if it happens again, restore the latest backup on a healthy disk.',
      details,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new ServiceError(
      'db_corrupt',
      `The database ${where.databaseFile} is damaged (${code}). ${notSaved} Restore the latest ` +
        'backup (Settings → Backups, or `standalone backup restore FILE`).',
      details,
    );
  }
  return undefined;
}

/**
 * The services' log file, or a storage_error naming the data folder when the folder cannot be
 * written at all (a read-only drive, a folder that cannot be created): the first thing the
 * services write, so the first place a read-only data folder shows.
 */
export function openFileLog(dataDir: string): Logger {
  createFolder(dataDir, 'data folder');
  try {
    return createFileLogger(dataDir);
  } catch (error) {
    const code = codeOf(error) || (error instanceof Error ? error.message : String(error));
    throw new ServiceError(
      'storage_error',
      `The data folder ${dataDir} cannot be written to (${code}). Standalone keeps its database and ` +
        'log there: make it writable (or check the drive’s write protection), or choose another ' +
        'folder with --data-dir or STANDALONE_DATA_DIR.',
      { code, path: dataDir },
    );
  }
}
