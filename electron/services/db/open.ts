import Database from 'better-sqlite3';
import path from 'node:path';
import { ServiceError, wordedError } from '../core/errors';
import { installRowCapture } from '../audit/row-capture';
import { replayPendingReplicas } from '../exchange/replica';
import { createFolder } from '../storage/create-folder';
import { assertNotNewer, migrate } from './migrate';

export const databaseFileName = 'standalone.sqlite';

export interface OpenOptions {
  /** A better-sqlite3 build for another ABI (Electron's), when the app runs inside Electron. */
  nativeBinding?: string;
  /** Skip migrations (for checks that must not change the file). */
  readonly?: boolean;
}

function describeOpenFailure(file: string, error: unknown): ServiceError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? '';
  if (
    code === 'SQLITE_NOTADB' ||
    code === 'SQLITE_CORRUPT' ||
    /not a database|malformed/i.test(message)
  ) {
    return wordedError('db_corrupt', 'databaseDamaged', { file }, { technical: message });
  }
  if (
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_IOERR'
  ) {
    return wordedError(
      'storage_error',
      'databaseNotWritable',
      { file },
      { sqliteCode: code, technical: message },
    );
  }
  return wordedError('internal', 'databaseNotOpened', { file }, { technical: message });
}

/** Open (creating if needed) the database file with the pragmas every connection must have. */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (!options.readonly) createFolder(path.dirname(file), 'dataFolder');
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    db.pragma('busy_timeout = 5000');
    // Before anything writes to the file: a database from a newer app must stay as it is.
    assertNotNewer(db, file);
    if (!options.readonly) db.pragma('journal_mode = WAL');
    // WAL defaults to NORMAL in this build: an acknowledged step must survive a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Reads of a large audit trail go through the OS page cache instead of SQLite's small one.
    db.pragma('mmap_size = 1073741824');
    db.pragma('cache_size = -65536');
    const check = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const problems = check.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) {
      throw wordedError('db_corrupt', 'databaseFailedCheck', { file }, { problems });
    }
    if (!options.readonly) {
      migrate(db);
      // Every bound row this connection writes goes into the next audit event.
      installRowCapture(db);
      // Other stations' events stored before the facility replica existed (migration 013).
      replayPendingReplicas(db);
    }
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof ServiceError) throw error;
    throw describeOpenFailure(file, error);
  }
}
