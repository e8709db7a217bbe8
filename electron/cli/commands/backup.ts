import path from 'node:path';
import type { ApiClient } from '../../api/client';
import type { BackupInfo, BackupRestoreReport, BackupVerification } from '../../api/domains/backup';
import type { Result } from '../../api/result';
import {
  describeStartFailure,
  restoreWithoutServices,
  startServices,
  type Caller,
  type Runtime,
} from '../../services/runtime';
import { CliError, exitCodeFor, exitCodes, failureText, type Output } from '../output';

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

export async function backupCreate(api: ApiClient, out: Output, args: string[]): Promise<number> {
  const folder = oneArgument(args, 'backup create DIR');
  const info = await api.value('backup.create', { folder });
  out.print(`Backup written: ${info.file}\nSHA-256 ${info.sha256 ?? ''}\n${describe(info)}`, info);
  return exitCodes.ok;
}

export async function backupList(api: ApiClient, out: Output, args: string[]): Promise<number> {
  const folder = oneArgument(args, 'backup list DIR');
  const list = await api.value('backup.list', { folder });
  out.print(
    list.length === 0 ? `No Standalone backups in ${folder}.` : list.map(describe).join('\n'),
    list,
  );
  return exitCodes.ok;
}

function describeChecks(v: BackupVerification): string {
  return v.checks.map((c) => `  ${c.status.padEnd(7)} ${c.name}: ${c.detail}`).join('\n');
}

export async function backupVerify(api: ApiClient, out: Output, args: string[]): Promise<number> {
  const file = oneArgument(args, 'backup verify FILE');
  const v = await api.value('backup.verify', { file });
  out.print(`${file}: ${v.ok ? 'ok' : 'FAILED'}\n${describeChecks(v)}`, v);
  return v.ok ? exitCodes.ok : exitCodes.checkFailed;
}

/** A refused restore names the check that failed; that is a failed check (exit 1), not a crash. */
function reportRefusal(result: Result<unknown>, out: Output): number {
  if (result.ok) return exitCodes.ok;
  const details: unknown = result.error.details;
  const verification =
    typeof details === 'object' && details !== null && 'verification' in details
      ? (details.verification as BackupVerification | undefined)
      : undefined;
  if (!verification) throw new CliError(failureText(result.error), exitCodeFor(result.error));
  if (out.json) out.print('', { ok: false, error: result.error });
  const how = verification.forceable
    ? 'To restore it anyway: standalone backup restore FILE --force-reason "why"\n'
    : '';
  process.stderr.write(
    `standalone: ${result.error.message}\n${describeChecks(verification)}\n${how}`,
  );
  return exitCodes.checkFailed;
}

/**
 * Restore runs even when the database cannot be opened (damaged, or from a newer version): that
 * is when a restore is needed most. Then the file-level restore runs without the services, and
 * the database that would not open is kept aside like any replaced database.
 */
export async function backupRestore(
  dataDirOption: string | undefined,
  caller: Caller,
  out: Output,
  args: string[],
  forceReason?: string,
): Promise<number> {
  const file = oneArgument(args, 'backup restore FILE');
  const force = forceReason === undefined ? undefined : { reason: forceReason };
  let runtime: Runtime | undefined;
  let unopenable: string | undefined;
  try {
    runtime = startServices({
      ...(dataDirOption ? { dataDir: dataDirOption } : {}),
      backupScheduler: false,
      replayCheckAtStart: false,
    });
  } catch (error) {
    const failure = describeStartFailure(error);
    if (failure?.code !== 'db_corrupt' && failure?.code !== 'db_from_newer_version') throw error;
    unopenable = failure.message;
  }
  let result: Result<BackupRestoreReport>;
  try {
    if (runtime) {
      result = await runtime
        .client(caller)
        .call('backup.restore', { file, ...(force ? { force } : {}) });
    } else {
      process.stderr.write(
        `standalone: the current database cannot be opened (${unopenable ?? ''}); ` +
          'it will be kept aside.\n',
      );
      result = restoreWithoutServices(dataDirOption, file, caller, force);
    }
  } finally {
    runtime?.close();
  }
  if (!result.ok) return reportRefusal(result, out);
  const report = result.value;
  out.print(
    [
      `Restored ${report.restoredFrom} (SHA-256 ${report.sha256}, taken ${report.backupCreatedAt ?? 'at an unknown time'}).`,
      report.replacedDatabaseKeptAs
        ? `The replaced database is kept as ${report.replacedDatabaseKeptAs}.`
        : 'There was no database to replace.',
      `Audit chain: ${report.auditEventCount} events; the restore is event ${report.auditEventId}.`,
      ...(report.forced
        ? [
            `Forced past: ${report.forced.overridden.join(', ')}; reason recorded: ${report.forced.reason}`,
            ...report.forced.schemaRepairs,
          ]
        : []),
    ].join('\n'),
    report,
  );
  return exitCodes.ok;
}
