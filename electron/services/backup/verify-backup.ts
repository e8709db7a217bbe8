import type Database from 'better-sqlite3';
import fs from 'node:fs';
import type { BackupCheck, BackupCheckName, BackupVerification } from '../../api/domains/backup';
import { verifyAuditChain } from '../audit/verify';
import { ServiceError } from '../core/errors';
import { appSchemaVersion, schemaVersionOf } from '../db/migrate';
import { openOtherDatabase, type ConnectionOptions } from './connections';
import { sha256OfFile } from './files';
import { readChecksumFile, readManifest } from './manifest';

const order: BackupCheckName[] = [
  'checksum',
  'standalone_database',
  'schema_version',
  'integrity',
  'audit_chain',
];

/**
 * Check a backup file without changing it, in the order that makes each check meaningful: the
 * bytes are those that were written (checksum), they are a Standalone database, of a schema this
 * app can open, whole (integrity_check), and its audit chain is intact. The first failure stops
 * the rest: a file that fails one check is not trusted further.
 */
export function verifyBackupFile(
  file: string,
  options: ConnectionOptions = {},
): BackupVerification {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ServiceError('not_found', `The backup file ${file} does not exist.`, { file });
  }
  if (!stat.isFile()) {
    throw new ServiceError(
      'invalid_input',
      `${file} is not a file; choose a backup file (.sqlite).`,
      {
        file,
      },
    );
  }

  const checks: BackupCheck[] = [];
  const manifest = readManifest(file);
  const sha256 = sha256OfFile(file);
  const result = (extra: Partial<BackupVerification> = {}): BackupVerification => {
    for (const name of order.slice(checks.length)) {
      checks.push({ name, status: 'skipped', detail: 'not checked: an earlier check failed' });
    }
    return {
      file,
      ok: checks.every((c) => c.status === 'ok'),
      checks,
      sha256,
      schemaVersion: null,
      appSchemaVersion,
      auditEventCount: null,
      createdAt: manifest?.createdAt ?? null,
      ...extra,
    };
  };
  const pass = (name: BackupCheckName, detail: string) =>
    checks.push({ name, status: 'ok', detail });
  const fail = (name: BackupCheckName, detail: string, extra?: Partial<BackupVerification>) => {
    checks.push({ name, status: 'failed', detail });
    return result(extra);
  };

  const sidecar = readChecksumFile(file);
  const expected = sidecar ?? manifest?.sha256 ?? null;
  if (expected === null) {
    return fail(
      'checksum',
      'no checksum beside it (neither its .sha256 file nor its manifest): it cannot be verified',
    );
  }
  if (sidecar !== null && manifest !== null && sidecar !== manifest.sha256) {
    return fail('checksum', 'its .sha256 file and its manifest disagree: one of them was changed');
  }
  if (expected !== sha256) {
    return fail(
      'checksum',
      `its SHA-256 is ${sha256}, not ${expected} as written when it was taken: the file changed`,
    );
  }
  pass('checksum', `SHA-256 ${sha256} as written`);

  let db: Database.Database;
  try {
    db = openOtherDatabase(file, { ...options, readonly: true });
    db.pragma('schema_version'); // reads the header: a file that is not SQLite fails here
  } catch (error) {
    return fail(
      'standalone_database',
      `it is not a database SQLite can read (${messageOf(error)})`,
    );
  }
  try {
    return checkOpened(db, { pass, fail, result });
  } finally {
    db.close();
  }
}

interface Steps {
  pass(name: BackupCheckName, detail: string): void;
  fail(
    name: BackupCheckName,
    detail: string,
    extra?: Partial<BackupVerification>,
  ): BackupVerification;
  result(extra?: Partial<BackupVerification>): BackupVerification;
}

function checkOpened(db: Database.Database, { pass, fail, result }: Steps): BackupVerification {
  let schemaVersion: number;
  let hasAuditTable: boolean;
  try {
    schemaVersion = schemaVersionOf(db);
    hasAuditTable =
      db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_events'")
        .get() !== undefined;
  } catch (error) {
    return fail('standalone_database', `its schema cannot be read (${messageOf(error)})`);
  }
  if (schemaVersion < 1 || !hasAuditTable) {
    return fail('standalone_database', 'it is an SQLite database, but not one of Standalone');
  }
  pass('standalone_database', 'a Standalone database');

  if (schemaVersion > appSchemaVersion) {
    return fail(
      'schema_version',
      `it was written by a newer version of Standalone (schema ${schemaVersion}; this app knows up ` +
        `to ${appSchemaVersion}): install that version to restore it`,
      { schemaVersion },
    );
  }
  pass('schema_version', `schema ${schemaVersion} (this app: ${appSchemaVersion})`);

  let problems: string[];
  try {
    const rows = db.pragma('integrity_check', { simple: false }) as Record<string, unknown>[];
    problems = rows.map((r) => String(Object.values(r)[0])).filter((p) => p !== 'ok');
  } catch (error) {
    problems = [messageOf(error)];
  }
  if (problems.length > 0) {
    return fail('integrity', `integrity_check found damage: ${problems.slice(0, 3).join('; ')}`, {
      schemaVersion,
    });
  }
  pass('integrity', 'integrity_check ok');

  let audit;
  try {
    audit = verifyAuditChain(db);
  } catch (error) {
    return fail('audit_chain', `its audit trail cannot be read (${messageOf(error)})`, {
      schemaVersion,
    });
  }
  if (!audit.ok) {
    return fail(
      'audit_chain',
      `its audit chain is broken at event ${audit.firstBad?.id ?? '?'}: ${audit.firstBad?.reason ?? ''}`,
      { schemaVersion, auditEventCount: audit.eventCount },
    );
  }
  pass('audit_chain', `${audit.eventCount} audit events, chain intact`);
  return result({ schemaVersion, auditEventCount: audit.eventCount });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The error a restore gives for a backup that failed verification; nothing was changed. */
export function refusedBackupError(v: BackupVerification): ServiceError {
  const failed = v.checks.find((c) => c.status === 'failed');
  const code =
    failed?.name === 'schema_version'
      ? 'db_from_newer_version'
      : failed?.name === 'standalone_database'
        ? 'invalid_input'
        : // Changed bytes, an unverifiable file, damage or a broken chain: not to be trusted.
          'db_corrupt';
  return new ServiceError(
    code,
    `The backup ${v.file} was not restored: ${failed?.detail ?? 'it failed verification'}. ` +
      'Nothing was changed; choose another backup.',
    { verification: v },
  );
}
