import type Database from 'better-sqlite3';
import type { NormalizedAdvisory } from '../../api/domains/advisories';
import { caseStates, type CaseState } from '../../api/domains/cases';
import { objectiveLines, plannedActionText } from '../../api/briefing-words';
import type { BriefingObjective, BriefingReport } from '../../api/domains/reports';
import { roleLabels, roles } from '../../api/permissions';
import type { WorkflowResources } from '../cases/workflow-resources';
import { computedLists } from '../board/board-attention';
import { overdueSql, reReviewSql } from '../board/board-query';
import { hicsCounts, stateCounts } from '../board/board-view';
import { casesByStation } from '../board/facility-board';
import { remoteSqlList } from '../board/remote-attention';
import { selfRow } from '../stations/station-store';
import { casePriorities } from '../threats/priority';
import { remoteCasePriorities } from '../threats/remote-priority';
import { priorityReasonText } from '../threats/priority-words';
import { hics251Labels, isOpen, stateLabels } from '../workflow/states';
import type { ReportContext } from './report-header';
import { timelineEntries } from './timeline';
import { pdfWords, type PdfWordKey } from '../pdf/words';
import { heldHere, heldHereSql } from '../cases/held-here';

/**
 * The incident briefing, in the spirit of HICS 201: where things stand, what we are trying to
 * achieve (from the advisories' own remediation advice), what has been done and what comes next,
 * and who is working on it. Everything is computed from the records; nothing is typed in.
 */

/**
 * The catalogue's English, for the report's own sentences (the CSV and the command line print
 * them; the screen and the PDFs word the same codes in their language: api/briefing-words.ts).
 */
const english = pdfWords('en');
// The keys are built from the report's codes, so the typed catalogue cannot check them here.
const englishLookup = (key: string, values?: Record<string, string | number>) =>
  english(key as PdfWordKey, values);

interface AdvisoryRow {
  id: number;
  tracking_id: string;
  version: string;
  title: string;
  normalized: string;
  case_count: number;
}

function advisories(db: Database.Database, incidentId: number) {
  const rows = db
    .prepare(
      `SELECT a.id, a.tracking_id, r.version, r.title, r.normalized,
              (SELECT count(*) FROM cases c WHERE c.incident_id = ia.incident_id
                 AND c.advisory_id = a.id AND ${heldHere}) AS case_count
         FROM incident_advisories ia
         JOIN advisories a ON a.id = ia.advisory_id
         JOIN advisory_revisions r ON r.id = a.current_revision_id
        WHERE ia.incident_id = ? ORDER BY a.tracking_id`,
    )
    .all(incidentId) as AdvisoryRow[];
  return rows.map((r) => ({ row: r, doc: JSON.parse(r.normalized) as NormalizedAdvisory }));
}

function objectives(
  docs: ReturnType<typeof advisories>,
  counts: Record<CaseState, number>,
  total: number,
): BriefingObjective[] {
  const categories = new Set(docs.flatMap((d) => d.doc.remediations.map((r) => r.category)));
  const done = counts.returned_to_service;
  const out: BriefingObjective[] = [];
  if (categories.has('mitigation') || categories.has('workaround')) {
    out.push({ code: 'protect', advisories: docs.map((d) => d.row.tracking_id).join(', ') });
  }
  out.push({ code: 'standalone', standalone: counts.standalone });
  if (categories.has('vendor_fix')) out.push({ code: 'patch', done, total });
  out.push({ code: 'verify' }, { code: 'reconnect', done, total }, { code: 'backups' });
  return out;
}

/**
 * The ten open cases of the facility with the highest priority, by the one rule for this
 * station's cases and those other stations hold, each named with its station (ties: this
 * station's first, then by station and the older case).
 */
function topPriorities(
  db: Database.Database,
  incidentId: number,
  selfName: string | null,
): BriefingReport['topPriorities'] {
  const row = db.prepare(
    `SELECT d.asset_tag AS assetTag, a.tracking_id AS trackingId, c.state
       FROM cases c JOIN devices d ON d.id = c.device_id JOIN advisories a ON a.id = c.advisory_id
      WHERE c.id = ?`,
  );
  const local = [...casePriorities(db, incidentId)].map(([caseId, priority]) => ({
    caseId,
    station: selfName,
    stationKey: '',
    ...(row.get(caseId) as { assetTag: string; trackingId: string; state: CaseState }),
    priority,
  }));
  const remote = [...remoteCasePriorities(db, incidentId).values()].map((r) => ({
    ...r,
    station: r.station.name,
    stationKey: r.station.id,
  }));
  return [...local, ...remote]
    .sort(
      (a, b) =>
        b.priority.priority - a.priority.priority ||
        a.stationKey.localeCompare(b.stationKey) ||
        a.caseId - b.caseId,
    )
    .slice(0, 10)
    .map((c) => ({
      caseId: c.caseId,
      station: c.station,
      heldHere: c.stationKey === '',
      assetTag: c.assetTag,
      trackingId: c.trackingId,
      state: c.state,
      priority: c.priority.priority,
      reasons: c.priority.reasons.map((r) => priorityReasonText(r)),
      reasonCodes: c.priority.reasons,
      knownExploited: c.priority.knownExploited,
    }));
}

function resources(db: Database.Database, incidentId: number): BriefingReport['resources'] {
  const rows = db
    .prepare(
      `SELECT r.role, u.id, u.display_name AS name,
              (SELECT count(*) FROM cases c WHERE c.incident_id = ? AND c.assignee_user_id = u.id
                 AND ${heldHere}) AS cases,
              (SELECT count(*) FROM cases c WHERE c.incident_id = ? AND c.assignee_user_id = u.id
                 AND c.state <> 'returned_to_service' AND ${heldHere}) AS open_cases
         FROM user_roles r JOIN users u ON u.id = r.user_id
        WHERE u.active = 1 ORDER BY u.display_name`,
    )
    .all(incidentId, incidentId) as {
    role: string;
    id: number;
    name: string;
    cases: number;
    open_cases: number;
  }[];
  return roles
    .map((role) => ({
      role,
      roleLabel: roleLabels[role],
      people: rows
        .filter((r) => r.role === role)
        .map((r) => ({ userId: r.id, name: r.name, openCases: r.open_cases, cases: r.cases })),
    }))
    .filter((g) => g.people.length > 0);
}

export function briefingReport(
  db: Database.Database,
  rc: ReportContext,
  workflow: WorkflowResources,
): BriefingReport {
  const incidentId = rc.head.id;
  const counts = stateCounts(db, incidentId);
  const byHics = hicsCounts(counts);
  const total = caseStates.reduce((sum, s) => sum + counts[s], 0);
  const open = total - counts.returned_to_service;
  const docs = advisories(db, incidentId);
  const lists = computedLists(db, incidentId, workflow, rc.now);
  // Over the facility, as the board counts them: this station's cases and the others'.
  const count = (where: string, ...params: string[]) =>
    (db
      .prepare(
        `SELECT count(*) FROM cases c WHERE c.incident_id = ? AND ${heldHere}
            AND ${where}`,
      )
      .pluck()
      .get(incidentId, ...params) as number) +
    remoteSqlList(db, incidentId, rc.now, { where, params, order: 'c.id' }, 0).count;
  const inStates = caseStates
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${stateLabels[s].toLowerCase()}`)
    .join(', ');
  const stations = casesByStation(db, incidentId, selfRow(db)?.name ?? null);
  const cveCount = new Set(docs.flatMap((d) => d.doc.vulnerabilities.map((v) => v.cve))).size;
  const summary =
    `${total} device case${total === 1 ? '' : 's'} under ${docs.length} advisor${docs.length === 1 ? 'y' : 'ies'} ` +
    `(${docs.map((d) => `${d.row.tracking_id} rev ${d.row.version}`).join(', ')}; ${cveCount} CVE${cveCount === 1 ? '' : 's'}): ` +
    `${inStates || 'none yet'}. HICS 251: ${byHics.fully_functional} ${hics251Labels.fully_functional.toLowerCase()}, ` +
    `${byHics.partially_functional} ${hics251Labels.partially_functional.toLowerCase()}, ` +
    `${byHics.non_functional} ${hics251Labels.non_functional.toLowerCase()}. ${open} still open.` +
    (stations.length > 1
      ? ` Held at ${stations.map((s) => `${s.station ?? 'this station'} (${s.caseCount})`).join(', ')}.`
      : '');
  const goals = objectives(docs, counts, total);
  const actionsTaken = timelineEntries(db, incidentId, null)
    .reverse()
    .slice(0, 50)
    .map((e) => ({
      at: e.at,
      by: e.by,
      activity: e.event,
      words: e.words,
      person: e.person,
      position: e.position,
    }));
  const unassigned = db
    .prepare(
      `SELECT count(*) FROM cases WHERE incident_id = ? AND assignee_user_id IS NULL
          AND state <> 'returned_to_service' AND ${heldHereSql('cases')}`,
    )
    .pluck()
    .get(incidentId) as number;
  return {
    kind: 'briefing',
    header: rc.header,
    situation: {
      summary,
      caseCount: total,
      byStation: stations,
      openCaseCount: open,
      countsByState: counts,
      countsByHics251: byHics,
      advisories: docs.map(({ row, doc }) => ({
        id: row.id,
        trackingId: row.tracking_id,
        version: row.version,
        title: row.title,
        cves: doc.vulnerabilities
          .filter((v): v is typeof v & { cve: string } => v.cve !== null)
          .map((v) => ({ cve: v.cve, cvss: v.highestBaseScore })),
        caseCount: row.case_count,
      })),
      attention: {
        blocked: lists.blocked.length + lists.remote.blocked.keys.length,
        recheckOverdue: count(overdueSql, rc.now.toISOString()),
        needsReReview: count(reReviewSql),
        awaitingSignoff: lists.awaiting_signoff.length + lists.remote.awaiting_signoff.keys.length,
      },
    },
    objectives: objectiveLines(goals, englishLookup),
    objectiveCodes: goals,
    actionsTaken,
    topPriorities: topPriorities(db, incidentId, selfRow(db)?.name ?? null),
    actionsPlanned: caseStates
      .filter((s): s is Exclude<CaseState, 'returned_to_service'> => isOpen(s) && counts[s] > 0)
      .map((s) => ({
        state: s,
        caseCount: counts[s],
        action: plannedActionText(s, englishLookup),
      })),
    resources: resources(db, incidentId),
    unassignedOpenCases: unassigned,
  };
}
