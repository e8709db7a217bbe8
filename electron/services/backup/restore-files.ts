import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupVerification, ForcedRestore } from '../../api/domains/backup';
import type { ChainPoint } from '../audit/anchors';
import { ServiceError, wordedError } from '../core/errors';
import { freeAsidePath } from './backup-names';
import { openOtherDatabase, reopenLiveDatabase, type ConnectionOptions } from './connections';
import { repairBehaviour, schemaDifferences } from './schema-objects';
import { describeFolderFailure, fsyncPath, removeQuietly, sha256OfFile } from './files';
import { refusedBackupError, verifyBackupFile } from './verify-backup';

/** The files SQLite keeps beside a database: they move with it, or it is not the same database. */
const companions = ['', '-wal', '-shm', '-journal'] as const;

export interface RestoreFilesInput {
  databaseFile: string;
  backupFile: string;
  time: Date;
  connection: ConnectionOptions;
  /** The latest anchor the app knows: a backup whose chain does not reach it is refused. */
  anchor: (ChainPoint & { issuedAt: string }) | null;
  /** An administrator's reason to restore past the forceable checks. */
  force?: { reason: string } | undefined;
  /**
   * Close the live connection, if there is one; return whether one was closed. Called only
   * after the backup is verified and copied beside the database, just before any file moves.
   */
  closeLive(): boolean;
}

export interface RestoredFiles {
  /** The restored database, open and migrated: the new live connection. */
  db: Database.Database;
  verification: BackupVerification;
  /** Where the replaced database (and its -wal/-shm) went; null if there was none. */
  keptAs: string | null;
  forced: ForcedRestore | null;
}

function move(from: string, to: string, moved: [string, string][]): void {
  fs.renameSync(from, to);
  moved.push([from, to]);
}

/** Put every moved file back where it was, newest move first (best effort: it is the way back). */
function undo(moved: [string, string][]): void {
  for (const [from, to] of moved.reverse()) {
    try {
      fs.renameSync(to, from);
    } catch {
      // Leave it where it is: both names are in the error the caller reports.
    }
  }
}

/** A forced restore's copy loses the behaviour the app did not write, before it is opened. */
function repairStaging(staging: string, input: RestoreFilesInput): string[] {
  const copy = openOtherDatabase(staging, input.connection);
  try {
    const version = copy.pragma('user_version', { simple: true }) as number;
    const repairs = repairBehaviour(
      copy,
      schemaDifferences(copy, version, input.connection),
      version,
      input.connection,
    );
    copy.pragma('journal_mode = DELETE');
    return repairs;
  } finally {
    copy.close();
  }
}

/**
 * Replace the database file with a backup, safely:
 * 1. verify the backup (checksum, Standalone database, schema version, integrity, schema objects,
 *    audit chain, anchor); only an administrator's recorded reason passes the last two;
 * 2. copy it beside the database and check the copy's checksum (same folder: the swap is a rename);
 * 3. close the live connection, and refuse if another process still holds the database;
 * 4. move the database and its -wal/-shm aside under a time-stamped name (kept, never deleted);
 * 5. rename the copy into place and open it (migrations run);
 * any failure after step 3 moves everything back. Throws a ServiceError naming what failed.
 */
export function restoreDatabaseFiles(input: RestoreFilesInput): RestoredFiles {
  const { databaseFile, backupFile, time, connection } = input;
  const dataDir = path.dirname(databaseFile);
  if (path.resolve(backupFile) === path.resolve(databaseFile)) {
    throw wordedError('invalid_input', 'backupIsLive', { file: backupFile });
  }
  const verification = verifyBackupFile(backupFile, { ...connection, anchor: input.anchor });
  if (!verification.ok && !(verification.forceable && input.force)) {
    throw refusedBackupError(verification);
  }
  const overridden = verification.checks.filter((c) => c.status === 'failed').map((c) => c.name);

  const staging = `${databaseFile}.restoring`;
  let schemaRepairs: string[] = [];
  try {
    for (const suffix of companions) removeQuietly(staging + suffix);
    fs.copyFileSync(backupFile, staging);
    fsyncPath(staging);
    if (sha256OfFile(staging) !== verification.sha256) {
      throw wordedError('storage_error', 'restoreCopyDiffers', {
        file: backupFile,
        folder: dataDir,
      });
    }
    schemaRepairs = overridden.includes('schema_objects') ? repairStaging(staging, input) : [];
  } catch (error) {
    removeQuietly(staging);
    throw describeFolderFailure(error, dataDir, 'restoreUnchanged');
  }

  const closed = input.closeLive();
  if (closed && fs.existsSync(`${databaseFile}-wal`)) {
    // Closing the last connection removes the -wal; one that stays means another process (the
    // app, or a command line) still has the database open and would keep writing to the old file.
    removeQuietly(staging);
    throw wordedError('conflict', 'restoreDbOpenElsewhere', { file: databaseFile });
  }

  const moved: [string, string][] = [];
  let keptAs: string | null = null;
  try {
    if (companions.some((s) => fs.existsSync(databaseFile + s))) {
      keptAs = freeAsidePath(databaseFile, 'replaced', time);
      for (const suffix of companions) {
        if (fs.existsSync(databaseFile + suffix))
          move(databaseFile + suffix, keptAs + suffix, moved);
      }
    }
    move(staging, databaseFile, moved);
    fsyncPath(dataDir);
  } catch (error) {
    undo(moved);
    removeQuietly(staging);
    throw describeFolderFailure(error, dataDir, 'restorePutBack');
  }

  try {
    return {
      db: reopenLiveDatabase(databaseFile, connection),
      verification,
      keptAs,
      forced:
        input.force && overridden.length > 0
          ? { reason: input.force.reason, overridden, schemaRepairs }
          : null,
    };
  } catch (error) {
    // The backup verified but does not open here: keep it for inspection and put the old one back.
    const failed = freeAsidePath(databaseFile, 'failed-restore', time);
    for (const suffix of companions) {
      if (fs.existsSync(databaseFile + suffix))
        fs.renameSync(databaseFile + suffix, failed + suffix);
    }
    undo(moved.filter(([from]) => from !== staging));
    throw error instanceof ServiceError
      ? wordedError(
          error.code,
          'restoredDidNotOpen',
          {},
          // Why it did not open (the database's own refusal) is for IT, behind Details.
          { cause: error.details, technical: error.message },
        )
      : error;
  }
}
