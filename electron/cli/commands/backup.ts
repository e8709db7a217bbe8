import os from 'node:os';
import path from 'node:path';
import type { BackupInfo, BackupRestoreReport, BackupVerification } from '../../api/domains/backup';
import type { Result } from '../../api/result';
import { operatorActor } from '../../services/people/authorize';
import { restoreBackup } from '../../services/backup/restore-backup';
import { ServiceError } from '../../services/core/errors';
import { databaseFileName } from '../../services/db/open';
import { resolveDataDir } from '../../services/core/data-dir';
import type { Dispatch } from '../../services/dispatcher';
import { startServices, type Runtime } from '../../services/runtime';
import { CliError, exitCodeFor, exitCodes, unwrap, type Output } from '../output';

function oneArgument(args: string[], usage: string): string {
  const [first] = args;
  if (first === undefined || args.length > 1) {
    throw new CliError(`Give exactly one path: standalone ${usage}`, exitCodes.invalidInput);
  }
  return path.resolve(first);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function describe(b: BackupInfo): string {
  return (
    `${b.fileName}  ${b.createdAt}  ${b.kind}  schema ${b.schemaVersion}  ${megabytes(b.bytes)}` +
    (b.auditEventCount === null ? '  (no manifest)' : `  ${b.auditEventCount} audit events`)
  );
}

export async function backupCreate(
  dispatch: Dispatch,
  out: Output,
  args: string[],
): Promise<number> {
  const folder = oneArgument(args, 'backup create DIR');
  const info = unwrap(await dispatch('backup.create', { folder })) as BackupInfo;
  out.print(`Backup written: ${info.file}\nSHA-256 ${info.sha256 ?? ''}\n${describe(info)}`, info);
  return exitCodes.ok;
}

export async function backupList(dispatch: Dispatch, out: Output, args: string[]): Promise<number> {
  const folder = oneArgument(args, 'backup list DIR');
  const list = unwrap(await dispatch('backup.list', { folder })) as BackupInfo[];
  out.print(
    list.length === 0 ? `No Standalone backups in ${folder}.` : list.map(describe).join('\n'),
    list,
  );
  return exitCodes.ok;
}

function describeChecks(v: BackupVerification): string {
  return v.checks.map((c) => `  ${c.status.padEnd(7)} ${c.name}: ${c.detail}`).join('\n');
}

export async function backupVerify(
  dispatch: Dispatch,
  out: Output,
  args: string[],
): Promise<number> {
  const file = oneArgument(args, 'backup verify FILE');
  const v = unwrap(await dispatch('backup.verify', { file })) as BackupVerification;
  out.print(`${file}: ${v.ok ? 'ok' : 'FAILED'}\n${describeChecks(v)}`, v);
  return v.ok ? exitCodes.ok : exitCodes.checkFailed;
}

/** A refused restore names the check that failed; that is a failed check (exit 1), not a crash. */
function reportRefusal(result: Result<unknown>, out: Output): number {
  if (result.ok) return exitCodes.ok;
  const verification = (result.error.details as { verification?: BackupVerification } | undefined)
    ?.verification;
  if (!verification) throw new CliError(result.error.message, exitCodeFor(result.error));
  if (out.json) out.print('', { ok: false, error: result.error });
  process.stderr.write(`standalone: ${result.error.message}\n${describeChecks(verification)}\n`);
  return exitCodes.checkFailed;
}

/**
 * Restore runs even when the database cannot be opened (damaged, or from a newer version): that
 * is when a restore is needed most. Then the file-level restore runs without the services, and
 * the database that would not open is kept aside like any replaced database.
 */
export async function backupRestore(
  dataDirOption: string | undefined,
  out: Output,
  args: string[],
): Promise<number> {
  const file = oneArgument(args, 'backup restore FILE');
  const caller = { kind: 'operator', osUser: os.userInfo().username } as const;
  let runtime: Runtime | undefined;
  let unopenable: ServiceError | undefined;
  try {
    runtime = startServices({
      ...(dataDirOption ? { dataDir: dataDirOption } : {}),
      backupScheduler: false,
      replayCheckAtStart: false,
    });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.code !== 'db_corrupt' && error.code !== 'db_from_newer_version') throw error;
    unopenable = error;
  }
  let report: BackupRestoreReport;
  try {
    if (runtime) {
      const result = await runtime.dispatchAs(caller, 'backup.restore', { file });
      if (!result.ok) return reportRefusal(result, out);
      report = result.value as BackupRestoreReport;
    } else {
      process.stderr.write(
        `standalone: the current database cannot be opened (${unopenable?.message ?? ''}); ` +
          'it will be kept aside.\n',
      );
      const databaseFile = path.join(resolveDataDir(dataDirOption), databaseFileName);
      try {
        const restored = restoreBackup({
          databaseFile,
          backupFile: file,
          time: new Date(),
          connection: {},
          actor: operatorActor(),
          caller,
          restoredBy: null,
          live: null,
        });
        restored.db.close();
        // No services ran on the unopenable database: nothing was running to stop.
        report = { ...restored.report, stoppedWork: [] };
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        return reportRefusal(
          {
            ok: false,
            error: { code: error.code, message: error.message, details: error.details },
          },
          out,
        );
      }
    }
  } finally {
    runtime?.close();
  }
  out.print(
    [
      `Restored ${report.restoredFrom} (SHA-256 ${report.sha256}, taken ${report.backupCreatedAt ?? 'at an unknown time'}).`,
      report.replacedDatabaseKeptAs
        ? `The replaced database is kept as ${report.replacedDatabaseKeptAs}.`
        : 'There was no database to replace.',
      `Audit chain: ${report.auditEventCount} events; the restore is event ${report.auditEventId}.`,
    ].join('\n'),
    report,
  );
  return exitCodes.ok;
}
