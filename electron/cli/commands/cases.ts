import type { CasePage, CaseSummary } from '../../api/domains/cases';
import type { IncidentSummary, WalkthroughReport } from '../../api/domains/incidents';
import type { Dispatch } from '../../services/dispatcher';
import { CliError, exitCodes, unwrap, type Output } from '../output';

/** `incident list`, `case list` and `demo walkthrough`: the response, for scripting and reports. */

export async function incidentList(dispatch: Dispatch, out: Output): Promise<number> {
  const incidents = unwrap(await dispatch('incidents.list', {})) as IncidentSummary[];
  const lines = incidents.map(
    (i) =>
      `${String(i.id).padStart(4)}  ${i.name}  [${i.status}]  ${i.openCaseCount} open of ${i.caseCount} cases` +
      `  commander ${i.commander.name}` +
      (i.flagged.needsReReview ? `  ${i.flagged.needsReReview} need re-review` : '') +
      (i.flagged.recheckOverdue ? `  ${i.flagged.recheckOverdue} re-check overdue` : ''),
  );
  out.print(lines.length > 0 ? lines.join('\n') : 'No incidents.', incidents);
  return exitCodes.ok;
}

/** One case as `case list --json` prints it. */
export interface CaseListLine {
  caseId: number;
  incidentId: number;
  assetTag: string;
  state: CaseSummary['state'];
  /** The assignee's name, or null. */
  assignee: string | null;
  gateVerdict: CaseSummary['gateVerdict'];
  flags: CaseSummary['flags'];
  /** The name of the station holding the case. */
  station: string | null;
}

export function parseIncidentId(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const id = Number(text);
  if (!/^[1-9]\d{0,15}$/.test(text) || !Number.isSafeInteger(id)) {
    throw new CliError(
      `--incident must be an incident number (see "standalone incident list"), not "${text}".`,
      exitCodes.invalidInput,
    );
  }
  return id;
}

export async function caseList(
  dispatch: Dispatch,
  out: Output,
  options: { incident: string | undefined },
): Promise<number> {
  const incidentId = parseIncidentId(options.incident);
  const page = unwrap(
    await dispatch('cases.list', { ...(incidentId ? { incidentId } : {}), limit: 100_000 }),
  ) as CasePage;
  const lines: CaseListLine[] = page.cases.map((c) => ({
    caseId: c.caseId,
    incidentId: c.incidentId,
    assetTag: c.assetTag,
    state: c.state,
    assignee: c.assignee?.name ?? null,
    gateVerdict: c.gateVerdict,
    flags: c.flags,
    station: c.station,
  }));
  const human = lines.map(
    (c) =>
      `${String(c.caseId).padStart(4)}  incident ${c.incidentId}  ${c.assetTag.padEnd(10)} ${c.state.padEnd(20)} ` +
      `gate ${c.gateVerdict.padEnd(10)} ${c.assignee ?? 'unassigned'}${c.flags.length ? `  [${c.flags.join(', ')}]` : ''}`,
  );
  out.print(human.length > 0 ? human.join('\n') : 'No cases.', lines);
  return exitCodes.ok;
}

export async function demoWalkthrough(dispatch: Dispatch, out: Output): Promise<number> {
  const report = unwrap(await dispatch('demo.walkthrough', {})) as WalkthroughReport;
  const human = [
    `Incident "${report.incidentName}" (${report.incidentId}):`,
    ...report.steps.map((s) => `  - ${s}`),
    'Where the devices are now:',
    ...report.cases.map((c) => `  ${c.assetTag} (${c.trackingId}): ${c.state}. ${c.story}`),
    report.auditOk
      ? `Audit chain ok: ${report.auditEventCount} events.`
      : 'Audit chain BROKEN: run "standalone audit verify".',
  ];
  out.print(human.join('\n'), report);
  return report.auditOk ? exitCodes.ok : exitCodes.checkFailed;
}
