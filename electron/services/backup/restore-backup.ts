import type Database from 'better-sqlite3';
import type { BackupRestoreReport } from '../../api/domains/backup';
import { latestAnchor } from '../audit/anchors';
import { appendAuditEvent, type Actor } from '../audit/append';
import type { CallContext, Caller } from '../core/context';
import { withWorkStopped } from '../core/running-work';
import { schemaVersionOf } from '../db/migrate';
import {
  connectionOptionsOf,
  openOtherDatabase,
  reopenLiveDatabase,
  type ConnectionOptions,
} from './connections';
import { restoreDatabaseFiles } from './restore-files';

interface AuditHead {
  lastId: number;
  lastHash: string;
}

function auditHeadOf(db: Database.Database): AuditHead | null {
  try {
    const row = db
      .prepare('SELECT last_id, last_hash FROM audit_head WHERE singleton = 1')
      .get() as { last_id: number; last_hash: string } | undefined;
    return row ? { lastId: row.last_id, lastHash: row.last_hash } : null;
  } catch {
    return null;
  }
}

export interface RestoreRequest {
  databaseFile: string;
  backupFile: string;
  time: Date;
  connection: ConnectionOptions;
  /** Who restores: the restored database's users are not the replaced one's, so a name is kept. */
  actor: Actor;
  caller: Caller;
  restoredBy: { displayName: string; userIdInReplacedDatabase: number } | null;
  /** The live connection, if the database could be opened at all. */
  live: Database.Database | null;
  /** An administrator's reason to restore past the forceable checks (recorded). */
  force?: { reason: string } | undefined;
}

/**
 * The latest anchor the app knows: from the live database, or read from the file that would not
 * open (a damaged database often still reads); none when even that fails.
 */
function knownAnchor(req: RestoreRequest): ReturnType<typeof latestAnchor> {
  if (req.live?.open) return latestAnchor(req.live);
  try {
    const db = openOtherDatabase(req.databaseFile, { ...req.connection, readonly: true });
    try {
      return latestAnchor(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export interface RestoreOutcome {
  db: Database.Database;
  report: Omit<BackupRestoreReport, 'stoppedWork'>;
}

/**
 * Restore a backup over the database and audit it, in the restored database, as the first event
 * after its chain. The event's actor has no user id: ids belong to the replaced database's users,
 * so the restorer's name travels in the payload instead.
 */
export function restoreBackup(req: RestoreRequest): RestoreOutcome {
  const replacedHead = req.live ? auditHeadOf(req.live) : null;
  const { db, verification, keptAs, forced } = restoreDatabaseFiles({
    databaseFile: req.databaseFile,
    backupFile: req.backupFile,
    time: req.time,
    connection: req.connection,
    anchor: knownAnchor(req),
    force: req.force,
    closeLive: () => {
      if (!req.live?.open) return false;
      req.live.close();
      return true;
    },
  });
  const operatorOsUser = req.caller.kind === 'operator' ? req.caller.osUser : undefined;
  const event = db.transaction(() =>
    appendAuditEvent(db, req.time, {
      actor: { userId: null, role: req.actor.role },
      action: 'backup.restored',
      entityType: 'database',
      entityId: null,
      payload: {
        backupFile: req.backupFile,
        sha256: verification.sha256,
        backupCreatedAt: verification.createdAt,
        backupSchemaVersion: verification.schemaVersion,
        backupAuditEventCount: verification.auditEventCount,
        replacedDatabaseKeptAs: keptAs,
        replacedAuditHead: replacedHead,
        restoredBy: req.restoredBy,
        forced,
        ...(operatorOsUser === undefined ? {} : { operatorOsUser }),
      },
    }),
  )();
  return {
    db,
    report: {
      restoredFrom: req.backupFile,
      sha256: verification.sha256,
      backupCreatedAt: verification.createdAt,
      schemaVersion: schemaVersionOf(db),
      replacedDatabaseKeptAs: keptAs,
      auditEventId: event.id,
      auditEventCount: event.id,
      forced,
    },
  };
}

/**
 * The restore as a step of the running services: new long work is refused and what runs (a batch
 * export) stops after its current file, or finishes (a backup); then the files are swapped and
 * the services go on over the restored database, with a new connection (every per-database
 * cache and prepared statement is keyed by it) and nobody signed in, since the restored database
 * has its own users. If the restore fails, the old database is reopened.
 */
export async function restoreIntoServices(
  ctx: CallContext,
  backupFile: string,
  force?: { reason: string },
): Promise<BackupRestoreReport> {
  const { services } = ctx;
  const connection = connectionOptionsOf(services);
  const { value: report, stopped } = await withWorkStopped(
    services,
    {
      what: 'a restore from a backup',
      term: 'restoreFromBackup',
      reason: 'Stopped: the database was restored from a backup. The files written so far stay.',
    },
    () => {
      try {
        const { db, report } = restoreBackup({
          databaseFile: services.databaseFile,
          backupFile,
          time: services.clock.now(),
          connection,
          actor: ctx.actor,
          caller: ctx.caller,
          restoredBy: ctx.user
            ? { displayName: ctx.user.displayName, userIdInReplacedDatabase: ctx.user.id }
            : null,
          live: services.db,
          force,
        });
        services.db = db;
        services.sessions.current = null;
        return report;
      } catch (error) {
        if (!services.db.open) {
          try {
            services.db = reopenLiveDatabase(services.databaseFile, connection);
          } catch (reopenError) {
            services.log.error('the database could not be reopened after a failed restore', {
              error: reopenError instanceof Error ? reopenError.message : String(reopenError),
            });
          }
        }
        throw error;
      }
    },
  );
  const stoppedWork = [...new Set(stopped.map((work) => work.kind))];
  services.log.info('database restored from a backup', { ...report, stoppedWork });
  return { ...report, stoppedWork };
}
