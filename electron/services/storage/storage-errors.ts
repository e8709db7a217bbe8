import { wordedError, type ServiceError } from '../core/errors';
import { createFileLogger, type Logger } from '../core/log';
import { createFolder } from './create-folder';
import { systemCause, systemCodeOf, technicalOf } from './system-error';

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
  const code = systemCodeOf(error);
  if (!code) return undefined;
  const place = pathOf(error) ?? where.dataDir;
  // The code and SQLite's own words are for IT, behind Details; the sentence says what it means.
  const details = { code, path: place, technical: technicalOf(error) };
  // Every sentence says that what the call was writing was rolled back.
  const params = { place, file: where.databaseFile };
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') {
    return wordedError('storage_error', 'diskFull', params, details);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return wordedError('storage_error', 'readOnly', params, details);
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO') {
    return wordedError('storage_error', 'ioError', params, details);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return wordedError('db_corrupt', 'dbDamaged', params, details);
  }
  return undefined;
}

/**
 * The services' log file, or a storage_error naming the data folder when the folder cannot be
 * written at all (a read-only drive, a folder that cannot be created): the first thing the
 * services write, so the first place a read-only data folder shows.
 */
export function openFileLog(dataDir: string): Logger {
  createFolder(dataDir, 'dataFolder');
  try {
    return createFileLogger(dataDir);
  } catch (error) {
    const { lists, details } = systemCause(error);
    throw wordedError(
      'storage_error',
      'dataFolderNotWritable',
      { folder: dataDir },
      { path: dataDir, ...details },
      lists,
    );
  }
}
