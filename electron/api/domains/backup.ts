import { z } from 'zod';
import { method } from '../define';
import { empty } from '../schemas';
import type { ErrorWords } from '../error-words';
import type { AuditChainProblem } from './system';

/** One backup file as a folder listing shows it (from its manifest and its name). */
export interface BackupInfo {
  /** Absolute path of the backup file. */
  file: string;
  fileName: string;
  createdAt: string;
  kind: 'manual' | 'automatic';
  schemaVersion: number;
  bytes: number;
  /** SHA-256 of the file as written, from its manifest; null when the manifest is missing. */
  sha256: string | null;
  appVersion: string | null;
  /** Audit events in the backup (the head of its chain when it was taken). */
  auditEventCount: number | null;
}

export const backupCheckNames = [
  'checksum',
  'standalone_database',
  'schema_version',
  'integrity',
  'schema_objects',
  'audit_chain',
  'anchor',
] as const;
export type BackupCheckName = (typeof backupCheckNames)[number];

/**
 * Checks an administrator may override with a recorded reason: the file is sound, but either its
 * schema holds objects the app did not create, or its chain does not reach the latest anchor this
 * app issued (restoring it takes back history that has already left the machine).
 */
export const forceableBackupChecks: readonly BackupCheckName[] = ['schema_objects', 'anchor'];

export interface BackupCheck {
  name: BackupCheckName;
  /**
   * `skipped` when an earlier check failed: a file that fails one check is not trusted further
   * (a failed forceable check does not stop the others: a forced restore needs them all).
   */
  status: 'ok' | 'failed' | 'skipped';
  /** What the check found, in English (the command line). */
  detail: string;
  /** The same as a key of the UI's `settings.backups.checkDetails` and its values. */
  words: BackupCheckWords;
}

export const backupCheckDetails = [
  'notChecked',
  'noChecksum',
  'checksumsDisagree',
  'checksumChanged',
  'checksumOk',
  'notSqlite',
  'schemaUnreadable',
  'notStandalone',
  'standaloneOk',
  'newerSchema',
  'schemaOk',
  'damaged',
  'integrityOk',
  'foreignObjects',
  'schemaObjectsOk',
  'auditUnreadable',
  'chainBroken',
  'chainOk',
  'noAnchor',
  'anchorBehind',
  'anchorOther',
  'anchorOk',
] as const;

export interface BackupCheckWords {
  key: (typeof backupCheckDetails)[number];
  /** Values; `issuedAt` is a time, shown in the facility's zone. */
  params: Record<string, string | number>;
  /** For `foreignObjects`: the schema objects that differ (at most five). */
  differences?: { type: string; name: string; kind: 'foreign' | 'changed' | 'missing' }[];
  /** For `chainBroken`: why the backup's chain is broken. */
  chain?: AuditChainProblem;
  /** What SQLite said, as it said it (English, for IT): shown behind "Details", not in the sentence. */
  technical?: string;
}

/** What a restore checks before it replaces anything, in that order. */
export interface BackupVerification {
  file: string;
  ok: boolean;
  checks: BackupCheck[];
  sha256: string;
  schemaVersion: number | null;
  appSchemaVersion: number;
  auditEventCount: number | null;
  createdAt: string | null;
  /** True when only forceable checks failed: an administrator may restore it with a reason. */
  forceable: boolean;
}

/** A restore an administrator forced past forceable checks, as its audit event records it. */
export interface ForcedRestore {
  reason: string;
  overridden: BackupCheckName[];
  /** What was done to the restored schema: foreign triggers and views dropped, the app's rewritten. */
  schemaRepairs: string[];
}

export interface BackupRestoreReport {
  restoredFrom: string;
  sha256: string;
  backupCreatedAt: string | null;
  /** The schema version of the restored database after its migrations ran. */
  schemaVersion: number;
  /** Where the database that was replaced was moved (kept, never deleted); null if there was none. */
  replacedDatabaseKeptAs: string | null;
  /** The restore's own audit event: the first event after the restored chain. */
  auditEventId: number;
  auditEventCount: number;
  /** Work that was running on the replaced database and was stopped (or let finish) first. */
  stoppedWork: RunningWorkKind[];
  /** Set when an administrator forced the restore past forceable checks. */
  forced: ForcedRestore | null;
}

/** Work that outlives the call that started it; a restore stops it or lets it finish first. */
export const runningWorkKinds = ['batch_pdf_export', 'automatic_backup', 'bundle_import'] as const;
export type RunningWorkKind = (typeof runningWorkKinds)[number];

export interface BackupSettings {
  /** Take backups on a schedule in the services process. */
  automatic: boolean;
  /** Where backups go; null means the `backups` folder in the data folder. */
  folder: string | null;
  intervalMinutes: number;
  /** How many automatic backups are kept; older automatic ones are removed, manual ones never. */
  keep: number;
}

export interface BackupStatus {
  settings: BackupSettings;
  /** The folder backups go to when no folder is given (settings.folder, else the default). */
  folder: string;
  lastAutomatic: BackupInfo | null;
  /** When the next automatic backup is due; null when automatic backups are off. */
  nextDueAt: string | null;
  /**
   * The last automatic backup that failed since the services started, and why: in English
   * (`message`) and as words of the errors catalogue for the reader's language; what the system
   * said (SQLite's or the file system's words) in `technical`, for "Details".
   */
  lastError: { at: string; message: string; words: ErrorWords; technical?: string } | null;
}

/** A file system path as typed or chosen; the services require it absolute and free of NUL. */
const fsPath = z.string().min(1).max(4096);

/** Why a refused backup must be restored anyway: recorded in the restore's audit event. */
export const forceReasonLength = { min: 10, max: 1000 } as const;
const forceReason = z.string().trim().min(forceReasonLength.min).max(forceReasonLength.max);

export const backupIntervalMinutes = { min: 5, max: 7 * 24 * 60 } as const;
export const backupKeep = { min: 1, max: 1000 } as const;

export const backupMethods = {
  'backup.create': method<BackupInfo>()(
    z.object({ folder: fsPath.optional() }).strict(),
    'Back up the database now with SQLite’s online backup API, into `folder` (default: the ' +
      'configured backup folder), with a SHA-256 sidecar and a manifest.',
  ),
  'backup.list': method<BackupInfo[]>()(
    z.object({ folder: fsPath.optional() }).strict(),
    'The Standalone backups in a folder (default: the configured backup folder), newest first.',
  ),
  'backup.verify': method<BackupVerification>()(
    z.object({ file: fsPath }).strict(),
    'Check a backup without restoring it: checksum, integrity, audit chain, schema version.',
  ),
  'backup.restore': method<BackupRestoreReport>()(
    z
      .object({
        file: fsPath,
        force: z.object({ reason: forceReason }).strict().optional(),
      })
      .strict(),
    'Verify a backup, then replace the database with it; the replaced database is kept aside ' +
      'and the restore is audited. Everyone at the station is signed out. A backup with schema ' +
      'objects the app did not create, or whose chain does not reach the latest anchor, is ' +
      'refused unless `force.reason` says why it must be restored anyway (recorded).',
  ),
  'backup.getSettings': method<BackupStatus>()(
    empty,
    'The automatic backup settings, the backup folder and the last automatic backup.',
  ),
  'backup.setSettings': method<BackupStatus>()(
    z
      .object({
        automatic: z.boolean(),
        folder: fsPath.nullable(),
        intervalMinutes: z
          .number()
          .int()
          .min(backupIntervalMinutes.min)
          .max(backupIntervalMinutes.max),
        keep: z.number().int().min(backupKeep.min).max(backupKeep.max),
      })
      .strict(),
    'Turn automatic backups on or off, and set their folder, interval and how many are kept.',
  ),
};
