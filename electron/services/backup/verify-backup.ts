import type Database from 'better-sqlite3';
import fs from 'node:fs';
import {
  backupCheckNames,
  forceableBackupChecks,
  type BackupCheck,
  type BackupCheckName,
  type BackupCheckWords,
  type BackupVerification,
} from '../../api/domains/backup';
import { chainExtends, type ChainPoint } from '../audit/anchors';
import { verifyAuditChain } from '../audit/verify';
import { type ServiceError, wordedError } from '../core/errors';
import { appSchemaVersion, schemaVersionOf } from '../db/migrate';
import { openOtherDatabase, type ConnectionOptions } from './connections';
import { sha256OfFile } from './files';
import { readChecksumFile, readManifest } from './manifest';
import { describeDifference, schemaDifferences } from './schema-objects';

export interface VerifyOptions extends ConnectionOptions {
  /** The latest anchor the app knows (from the live database): the backup's chain must reach it. */
  anchor?: (ChainPoint & { issuedAt: string }) | null;
}

/**
 * Check a backup file without changing it, in the order that makes each check meaningful: the
 * bytes are those that were written (checksum), they are a Standalone database, of a schema this
 * app can open, whole (integrity_check), and its audit chain is intact. The first failure stops
 * the rest: a file that fails one check is not trusted further. Then two checks an administrator
 * may override with a reason: no schema object the app did not create, and a chain that
 * reaches the latest anchor the app issued.
 */
export function verifyBackupFile(file: string, options: VerifyOptions = {}): BackupVerification {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw wordedError('not_found', 'backupFileMissing', { file }, { file });
  }
  if (!stat.isFile()) {
    throw wordedError('invalid_input', 'backupNotAFile', { file }, { file });
  }

  const checks: BackupCheck[] = [];
  const manifest = readManifest(file);
  const sha256 = sha256OfFile(file);
  const result = (extra: Partial<BackupVerification> = {}): BackupVerification => {
    for (const name of backupCheckNames.slice(checks.length)) {
      checks.push({
        name,
        status: 'skipped',
        detail: 'not checked: an earlier check failed',
        words: { key: 'notChecked', params: {} },
      });
    }
    const notOk = checks.filter((c) => c.status !== 'ok');
    return {
      file,
      ok: notOk.length === 0,
      forceable:
        notOk.length > 0 &&
        notOk.every((c) => c.status === 'failed' && forceableBackupChecks.includes(c.name)),
      checks,
      sha256,
      schemaVersion: null,
      appSchemaVersion,
      auditEventCount: null,
      createdAt: manifest?.createdAt ?? null,
      ...extra,
    };
  };
  const pass = (name: BackupCheckName, detail: string, words: BackupCheckWords) =>
    checks.push({ name, status: 'ok', detail, words });
  const fail = (
    name: BackupCheckName,
    detail: string,
    words: BackupCheckWords,
    extra?: Partial<BackupVerification>,
  ) => {
    checks.push({ name, status: 'failed', detail, words });
    return result(extra);
  };
  const failOn = (name: BackupCheckName, detail: string, words: BackupCheckWords) =>
    checks.push({ name, status: 'failed', detail, words });

  const sidecar = readChecksumFile(file);
  const expected = sidecar ?? manifest?.sha256 ?? null;
  if (expected === null) {
    return fail(
      'checksum',
      'no checksum beside it (neither its .sha256 file nor its manifest): it cannot be verified',
      { key: 'noChecksum', params: {} },
    );
  }
  if (sidecar !== null && manifest !== null && sidecar !== manifest.sha256) {
    return fail('checksum', 'its .sha256 file and its manifest disagree: one of them was changed', {
      key: 'checksumsDisagree',
      params: {},
    });
  }
  if (expected !== sha256) {
    return fail(
      'checksum',
      `its SHA-256 is ${sha256}, not ${expected} as written when it was taken: the file changed`,
      { key: 'checksumChanged', params: { sha256, expected } },
    );
  }
  pass('checksum', `SHA-256 ${sha256} as written`, { key: 'checksumOk', params: { sha256 } });

  let db: Database.Database;
  try {
    db = openOtherDatabase(file, { ...options, readonly: true });
    db.pragma('schema_version'); // reads the header: a file that is not SQLite fails here
  } catch (error) {
    return fail(
      'standalone_database',
      `it is not a database SQLite can read (${messageOf(error)})`,
      { key: 'notSqlite', params: {}, technical: messageOf(error) },
    );
  }
  try {
    return checkOpened(db, { pass, fail, failOn, result }, options);
  } finally {
    db.close();
  }
}

interface Steps {
  pass(name: BackupCheckName, detail: string, words: BackupCheckWords): void;
  fail(
    name: BackupCheckName,
    detail: string,
    words: BackupCheckWords,
    extra?: Partial<BackupVerification>,
  ): BackupVerification;
  /** A forceable check failed: record it and go on with the others. */
  failOn(name: BackupCheckName, detail: string, words: BackupCheckWords): void;
  result(extra?: Partial<BackupVerification>): BackupVerification;
}

function checkOpened(
  db: Database.Database,
  { pass, fail, failOn, result }: Steps,
  options: VerifyOptions,
): BackupVerification {
  let schemaVersion: number;
  let hasAuditTable: boolean;
  try {
    schemaVersion = schemaVersionOf(db);
    hasAuditTable =
      db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_events'")
        .get() !== undefined;
  } catch (error) {
    return fail('standalone_database', `its schema cannot be read (${messageOf(error)})`, {
      key: 'schemaUnreadable',
      params: {},
      technical: messageOf(error),
    });
  }
  if (schemaVersion < 1 || !hasAuditTable) {
    return fail('standalone_database', 'it is an SQLite database, but not one of Standalone', {
      key: 'notStandalone',
      params: {},
    });
  }
  pass('standalone_database', 'a Standalone database', { key: 'standaloneOk', params: {} });
  const versions = { schema: schemaVersion, app: appSchemaVersion };

  if (schemaVersion > appSchemaVersion) {
    return fail(
      'schema_version',
      `it was written by a newer version of Standalone (schema ${schemaVersion}; this app knows up ` +
        `to ${appSchemaVersion}): install that version to restore it`,
      { key: 'newerSchema', params: versions },
      { schemaVersion },
    );
  }
  pass('schema_version', `schema ${schemaVersion} (this app: ${appSchemaVersion})`, {
    key: 'schemaOk',
    params: versions,
  });

  let problems: string[];
  try {
    const rows = db.pragma('integrity_check', { simple: false }) as Record<string, unknown>[];
    problems = rows.map((r) => String(Object.values(r)[0])).filter((p) => p !== 'ok');
  } catch (error) {
    problems = [messageOf(error)];
  }
  if (problems.length > 0) {
    const damage = problems.slice(0, 3).join('; ');
    return fail(
      'integrity',
      `integrity_check found damage: ${damage}`,
      { key: 'damaged', params: {}, technical: damage },
      { schemaVersion },
    );
  }
  pass('integrity', 'integrity_check ok', { key: 'integrityOk', params: {} });

  const differences = schemaDifferences(db, schemaVersion, options);
  if (differences.length > 0) {
    failOn(
      'schema_objects',
      `its schema is not the one Standalone creates: ${differences
        .slice(0, 5)
        .map(describeDifference)
        .join('; ')}${differences.length > 5 ? ` and ${differences.length - 5} more` : ''}`,
      {
        key: 'foreignObjects',
        params: { more: Math.max(0, differences.length - 5) },
        differences: differences.slice(0, 5).map(({ type, name, kind }) => ({ type, name, kind })),
      },
    );
  } else {
    pass('schema_objects', `only the tables, indexes and triggers Standalone creates`, {
      key: 'schemaObjectsOk',
      params: {},
    });
  }

  let audit;
  try {
    audit = verifyAuditChain(db);
  } catch (error) {
    return fail(
      'audit_chain',
      `its audit trail cannot be read (${messageOf(error)})`,
      { key: 'auditUnreadable', params: {}, technical: messageOf(error) },
      { schemaVersion },
    );
  }
  if (!audit.ok) {
    return fail(
      'audit_chain',
      `its audit chain is broken at event ${audit.firstBad?.id ?? '?'}: ${audit.firstBad?.reason ?? ''}`,
      {
        key: 'chainBroken',
        params: { id: audit.firstBad?.id ?? '?' },
        ...(audit.firstBad ? { chain: audit.firstBad.problem } : {}),
      },
      { schemaVersion, auditEventCount: audit.eventCount },
    );
  }
  pass('audit_chain', `${audit.eventCount} audit events, chain intact`, {
    key: 'chainOk',
    params: { count: audit.eventCount },
  });

  const anchor = options.anchor ?? null;
  if (!anchor) {
    pass('anchor', 'no anchor has been issued here: nothing to reach', {
      key: 'noAnchor',
      params: {},
    });
  } else if (chainExtends(db, [[anchor.eventId, anchor.hash]])) {
    failOn(
      'anchor',
      audit.eventCount < anchor.eventId
        ? `its chain ends at event ${audit.eventCount}, before event ${anchor.eventId} of the latest ` +
            `anchor this app issued (${anchor.issuedAt}): restoring it takes back history that ` +
            'has already left the machine'
        : `its event ${anchor.eventId} is not the one the latest anchor this app issued ` +
            `(${anchor.issuedAt}) names: it is another history`,
      {
        key: audit.eventCount < anchor.eventId ? 'anchorBehind' : 'anchorOther',
        params: { count: audit.eventCount, eventId: anchor.eventId, issuedAt: anchor.issuedAt },
      },
    );
  } else {
    pass(
      'anchor',
      `its chain reaches the latest anchor (event ${anchor.eventId}, ${anchor.issuedAt})`,
      { key: 'anchorOk', params: { eventId: anchor.eventId, issuedAt: anchor.issuedAt } },
    );
  }
  return result({ schemaVersion, auditEventCount: audit.eventCount });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The error a restore gives for a backup that failed verification; nothing was changed. */
export function refusedBackupError(v: BackupVerification): ServiceError {
  const failed = v.checks.find((c) => c.status === 'failed');
  if (v.forceable) {
    const problems = v.checks
      .filter((c) => c.status === 'failed')
      .map((c) => c.detail)
      .join('; ');
    return wordedError(
      'conflict',
      'backupNotRestoredForceable',
      { file: v.file, problems },
      { verification: v },
    );
  }
  const code =
    failed?.name === 'schema_version'
      ? 'db_from_newer_version'
      : failed?.name === 'standalone_database'
        ? 'invalid_input'
        : // Changed bytes, an unverifiable file, damage or a broken chain: not to be trusted.
          'db_corrupt';
  return wordedError(
    code,
    'backupNotRestored',
    { file: v.file, problems: failed?.detail ?? 'it failed verification' },
    { verification: v },
  );
}
