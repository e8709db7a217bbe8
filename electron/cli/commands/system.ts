import type { AuditVerifyReport, DbCheckReport } from '../../api';
import type { Dispatch } from '../../services/dispatcher';
import { exitCodes, unwrap, type Output } from '../output';

export async function dbCheck(dispatch: Dispatch, out: Output, full: boolean): Promise<number> {
  const report = unwrap(await dispatch('db.check', { full })) as DbCheckReport;
  out.print(
    [
      `schema version ${report.schemaVersion} (this app: ${report.appSchemaVersion})`,
      `journal mode ${report.journalMode}`,
      `${report.check}: ${report.ok ? 'ok' : report.problems.join('\n  ')}`,
    ].join('\n'),
    report,
  );
  return report.ok ? exitCodes.ok : exitCodes.checkFailed;
}

export async function auditVerify(dispatch: Dispatch, out: Output): Promise<number> {
  const report = unwrap(await dispatch('audit.verify', {})) as AuditVerifyReport;
  out.print(
    report.ok
      ? `audit chain ok: ${report.eventCount} events, last hash ${report.lastHash ?? '(none)'}`
      : `audit chain BROKEN at event ${report.firstBad?.id}: ${report.firstBad?.reason}`,
    report,
  );
  return report.ok ? exitCodes.ok : exitCodes.checkFailed;
}

export async function demoLoad(dispatch: Dispatch, out: Output): Promise<number> {
  const report = unwrap(await dispatch('demo.load', {}));
  const r = report as { devicesAdded: number; advisoriesAdded: number; facility: string };
  out.print(
    `Demo facility "${r.facility}" loaded: ${r.devicesAdded} devices, ${r.advisoriesAdded} advisories.`,
    report,
  );
  return exitCodes.ok;
}
