import type Database from 'better-sqlite3';
import type { NormalizedAdvisory } from '../../api/domains/advisories';
import type {
  CaseAdvisoryView,
  CaseDetail,
  CaseHistoryEntry,
  CaseNextActions,
  ChecklistItem,
  ChecklistSection,
} from '../../api/domains/cases';
import { getDevice } from '../devices/devices';
import { visibleItems } from '../playbooks/answers';
import { sectionStatus } from '../playbooks/section-status';
import { stationNameOnRecord } from '../stations/station-store';
import { staleBackupItems } from '../workflow/guards';
import type { NextActions } from '../workflow/next-actions';
import { hics251Status, isOpen, stateLabels } from '../workflow/states';
import { rulesFrom } from '../workflow/transitions';
import { signingRequests } from './case-signoffs';
import type { LoadedCase } from './case-snapshot';
import { heldElsewhere, type CaseRow } from './case-store';
import { kevReviewOf } from './kev-review-view';
import { phaseSections } from './workflow-resources';
import { assigneeOf } from './case-refs';

/** The on-floor screen's one call: a loaded case turned into what the contract promises. */

export function caseDetail(db: Database.Database, loaded: LoadedCase, now: Date): CaseDetail {
  const { row, template, stored, gate, signoffs, actions } = loaded;
  const phase = phaseSections[row.state];
  const redoBackup = backupToRedo(loaded);
  const sections: ChecklistSection[] = template.sections.map((section) => {
    const status = sectionStatus(template, section.id, stored.answers, { now });
    const items: ChecklistItem[] = visibleItems(template, section.id, stored.answers).map(
      (item) => ({ ...item, answer: stored.meta.get(`${section.id}/${item.id}`) ?? null }),
    );
    return {
      id: section.id,
      title: section.title,
      ...(section.help ? { help: section.help } : {}),
      items,
      status: {
        complete: status.complete,
        done: status.done,
        answered: status.answered,
        visible: status.visible,
        problems: status.problems,
      },
      inPhase: phase.includes(section.id),
      redo: section.id === 'backup' && status.done ? redoBackup : null,
    };
  });
  const neededKinds = actions.options.flatMap((o) => o.signoffs.map((s) => s.kind));
  return {
    caseId: row.id,
    incident: { id: row.incident_id, name: row.incident_name, status: row.incident_status },
    device: getDevice(db, row.device_id),
    advisory: advisoryView(db, row),
    template: { id: template.id, version: template.version, title: template.title, sections },
    state: row.state,
    stateLabel: stateLabels[row.state],
    stateEnteredAt: row.state_entered_at,
    open: isOpen(row.state),
    hics251: hics251Status(row.state),
    recheckAt: row.recheck_at,
    assignee: assigneeOf(row),
    flags: loaded.flags,
    reReview:
      row.review_revision_id !== null && row.review_flagged_at !== null
        ? {
            fromVersion: row.advisory_version,
            toVersion: row.review_version ?? '',
            flaggedAt: row.review_flagged_at,
          }
        : null,
    kevReview: kevReviewOf(db, row),
    heldElsewhere: row.held_by_station === null ? null : heldElsewhere(db, row.id),
    phaseSections: [...phase],
    gate: {
      verdict: gate.verdict,
      reasons: gate.reasons,
      reasonWords: gate.reasonWords,
      notes: gate.notes,
      noteWords: gate.noteWords,
      missing: gate.missing,
      missingWords: gate.missingWords,
      patients: gate.patients,
    },
    signoffs: signoffs.all,
    signing: signingRequests(row, stored.answers, neededKinds, signoffs.valid, signoffs.round),
    nextActions: actionsView(actions),
    history: readHistory(db, row.id),
    transferredTo:
      row.transferred_to === null
        ? null
        : { stationId: row.transferred_to, name: row.transferred_to_name ?? row.transferred_to },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The backup's items to record again when the next step needs a backup newer than the state. */
function backupToRedo(loaded: LoadedCase): string[] | null {
  const next = loaded.actions.next;
  const rule = next ? rulesFrom(loaded.row.state).find((r) => r.to === next.target) : undefined;
  if (!rule?.guards.some((g) => g.kind === 'fresh_backup')) return null;
  const stale = staleBackupItems(loaded.snapshot);
  return stale && stale.length > 0 ? stale.map((item) => item.id) : null;
}

export function actionsView(actions: NextActions): CaseNextActions {
  const option = (o: NextActions['options'][number]) => ({
    ...o,
    signoffs: o.signoffs.map((s) => ({ ...s, roles: [...s.roles] })),
  });
  return {
    next: actions.next ? option(actions.next) : null,
    options: actions.options.map(option),
    allowed: actions.allowed,
    recheck: actions.recheck,
  };
}

/** Ports named like "80/tcp" anywhere in the advisory's texts. */
const portPattern = /\b(\d{1,5})\/(tcp|udp)\b/gi;

function advisoryView(db: Database.Database, row: CaseRow): CaseAdvisoryView {
  const revision = db
    .prepare(
      'SELECT normalized, publisher_name, current_release_date FROM advisory_revisions WHERE id = ?',
    )
    .get(row.advisory_revision_id) as {
    normalized: string;
    publisher_name: string;
    current_release_date: string;
  };
  const advisory = JSON.parse(revision.normalized) as NormalizedAdvisory;
  const product = row.match_id === null ? null : matchedProduct(db, row.match_id);
  const concerns = (productIds: readonly string[]) =>
    product === null || productIds.length === 0 || productIds.includes(product.id);
  const texts = [
    ...advisory.notes.map((n) => n.text),
    ...advisory.vulnerabilities.flatMap((v) => v.notes.map((n) => n.text)),
    ...advisory.remediations.map((r) => r.details),
  ];
  const ports = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(portPattern)) ports.add(`${m[1]}/${m[2]?.toLowerCase()}`);
  }
  return {
    id: row.advisory_id,
    trackingId: row.tracking_id,
    title: advisory.title,
    publisher: revision.publisher_name,
    lang: advisory.lang,
    revision: { version: row.advisory_version, releaseDate: revision.current_release_date },
    currentVersion: row.current_version,
    cves: advisory.vulnerabilities.map((v) => {
      const best = [...v.scores].sort((a, b) => b.baseScore - a.baseScore)[0];
      return {
        cve: v.cve,
        title: v.title,
        cwe: v.cwe ? `${v.cwe.id} ${v.cwe.name}` : null,
        cvss: best?.baseScore ?? v.highestBaseScore,
        severity: best?.baseSeverity ?? null,
        vector: best?.vectorString ?? null,
      };
    }),
    exposedPorts: ports.size > 0 ? [...ports].sort((a, b) => parseInt(a) - parseInt(b)) : null,
    remediations: advisory.remediations
      .filter((r) => concerns(r.productIds))
      .map((r) => ({ category: r.category, details: r.details, urls: r.urls })),
    product,
  };
}

function matchedProduct(
  db: Database.Database,
  matchId: number,
): { id: string; name: string } | null {
  const m = db
    .prepare('SELECT product_id AS id, product_name AS name FROM matches WHERE id = ?')
    .get(matchId) as { id: string; name: string } | undefined;
  return m ?? null;
}

interface HistoryRow {
  id: number;
  event: CaseHistoryEntry['event'];
  from_state: CaseHistoryEntry['fromState'];
  to_state: CaseHistoryEntry['toState'];
  at: string;
  user_id: number | null;
  user_name: string | null;
  role: string;
  detail: string;
  station_name: string | null;
}

/**
 * The case's history, oldest first. A case is written only at the station that holds it, so each
 * entry here was made at this station and names it (once the record knows the station's name),
 * except the entries of a case handed here, which name the station and person who made them.
 */
export function readHistory(db: Database.Database, caseId: number): CaseHistoryEntry[] {
  const station = stationNameOnRecord(db);
  const rows = db
    .prepare(
      `SELECT h.id, h.event, h.from_state, h.to_state, h.at, h.user_id,
              coalesce(h.user_name, u.display_name) AS user_name, h.role, h.detail, h.station_name
         FROM case_history h LEFT JOIN users u ON u.id = h.user_id
        WHERE h.case_id = ? ORDER BY h.id`,
    )
    .all(caseId) as HistoryRow[];
  return rows.map((h) => ({
    id: h.id,
    event: h.event,
    fromState: h.from_state,
    toState: h.to_state,
    at: h.at,
    by: { userId: h.user_id, name: h.user_name, role: h.role },
    station: h.station_name ?? station,
    detail: JSON.parse(h.detail) as Record<string, unknown>,
  }));
}
