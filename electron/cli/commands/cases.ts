import type { ApiClient } from '../../api/client';
import type { CaseSummary } from '../../api/domains/cases';
import { CliError, exitCodes, type Output } from '../output';

/** `incident list`, `case list` and `demo walkthrough`: the response, for scripting and reports. */

export async function incidentList(api: ApiClient, out: Output): Promise<number> {
  const incidents = await api.value('incidents.list', {});
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
  /** Open cases: higher is more urgent; null once returned to service. */
  priority: number | null;
  /** The reasons of the priority, in words, strongest first. */
  priorityReasons: string[];
  /** The case's CVE IDs found in the imported KEV catalog. */
  knownExploited: string[];
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
  api: ApiClient,
  out: Output,
  options: { incident: string | undefined; sort?: string | undefined },
): Promise<number> {
  const incidentId = parseIncidentId(options.incident);
  if (options.sort !== undefined && options.sort !== 'priority') {
    throw new CliError(`--sort takes "priority", not "${options.sort}".`, exitCodes.invalidInput);
  }
  const page = await api.value('cases.list', {
    ...(incidentId ? { incidentId } : {}),
    limit: 100_000,
  });
  const priorities = new Map(
    (await api.value('threats.priorities', incidentId ? { incidentId } : {})).map((p) => [
      p.caseId,
      p,
    ]),
  );
  const lines: CaseListLine[] = page.cases.map((c) => ({
    caseId: c.caseId,
    incidentId: c.incidentId,
    assetTag: c.assetTag,
    state: c.state,
    assignee: c.assignee?.name ?? null,
    gateVerdict: c.gateVerdict,
    flags: c.flags,
    station: c.station,
    // Closed cases have no priority: there is nothing left to do first.
    priority: priorities.get(c.caseId)?.priority ?? null,
    priorityReasons: priorities.get(c.caseId)?.priorityReasons ?? [],
    knownExploited: priorities.get(c.caseId)?.knownExploited ?? [],
  }));
  if (options.sort === 'priority') {
    lines.sort(
      (a, b) => (b.priority ?? -Infinity) - (a.priority ?? -Infinity) || a.caseId - b.caseId,
    );
  }
  const human = lines.map(
    (c) =>
      `${String(c.caseId).padStart(4)}  incident ${c.incidentId}  ${c.assetTag.padEnd(10)} ${c.state.padEnd(20)} ` +
      `gate ${c.gateVerdict.padEnd(10)} ${c.assignee ?? 'unassigned'}${c.flags.length ? `  [${c.flags.join(', ')}]` : ''}` +
      (c.priority !== null
        ? `\n      priority ${c.priority}: ${c.priorityReasons.join('; ')}`
        : ''),
  );
  out.print(human.length > 0 ? human.join('\n') : 'No cases.', lines);
  return exitCodes.ok;
}

export async function demoWalkthrough(api: ApiClient, out: Output): Promise<number> {
  const report = await api.value('demo.walkthrough', {});
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
