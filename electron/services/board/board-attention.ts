import type Database from 'better-sqlite3';
import type {
  BoardAttentionItem,
  BoardAttentionKind,
  BoardAttentionList,
  BoardAttentionWhy,
} from '../../api/domains/board';
import type { CaseState } from '../../api/domains/cases';
import { readCaseSignoffs } from '../cases/case-signoffs';
import { facilityTimeZone, type WorkflowResources } from '../cases/workflow-resources';
import { englishMissingPhrase, type MissingWords } from '../../api/missing-words';
import { formatClock } from '../workflow/wording';
import {
  awaitingSignoffWhy,
  blockedWhy,
  couldAwaitSignoff,
  loadQuick,
  signoffStates,
  type AttentionWhy,
  type QuickCase,
} from './board-evaluate';
import { overdueSql, reReviewSql, type ComputedLists } from './board-query';
import {
  gateStates,
  remoteBlockedCases,
  remoteJudgedItems,
  remoteSqlList,
  type AttentionRow,
  type RemoteItemRow,
  type RemoteJudged,
} from './remote-attention';
import { remoteAwaitingSignoff } from './remote-signoffs';
import { assigneeOf } from '../cases/case-refs';
import { anyHeldElsewhere, heldHere } from '../cases/held-here';

/**
 * The cases the commander must look at now. Two lists are plain SQL over partial indexes (overdue
 * re-checks, re-reviews). Two need the rules: a blocked gate and a step that waits only for
 * sign-offs. SQL first narrows those to the few cases that could qualify (right state, and some
 * answers given: an unanswered checklist is neither blocked nor ready to sign), so the rules run on
 * dozens of cases, not on every case of a large incident.
 */

export const attentionShown = 50;

function candidates(
  db: Database.Database,
  incidentId: number,
  states: readonly CaseState[],
  section: string | null,
): number[] {
  const rows = db
    .prepare(
      `SELECT c.id FROM cases c
        WHERE c.incident_id = ? AND c.state IN (SELECT value FROM json_each(?))
          AND ${heldHere}
          AND EXISTS (SELECT 1 FROM case_answers a WHERE a.case_id = c.id
                        AND (? IS NULL OR a.section_id = ?))
        ORDER BY c.id`,
    )
    .pluck()
    .all(incidentId, JSON.stringify(states), section, section) as number[];
  return rows;
}

interface Judged {
  ids: number[];
  why: Map<number, AttentionWhy>;
}

/** The candidate cases the rule `judge` picks, each with why (null: not picked). */
function judgeCases(
  db: Database.Database,
  incidentId: number,
  resources: WorkflowResources,
  now: Date,
  of: { states: readonly CaseState[]; section: string | null },
  judge: (q: QuickCase) => AttentionWhy | null,
): Judged {
  const judged: Judged = { ids: [], why: new Map() };
  const ids = candidates(db, incidentId, of.states, of.section);
  for (const [id, q] of loadQuick(db, resources, ids, now)) {
    const why = judge(q);
    if (!why) continue;
    judged.ids.push(id);
    judged.why.set(id, why);
  }
  return judged;
}

function blockedCases(
  db: Database.Database,
  incidentId: number,
  resources: WorkflowResources,
  now: Date,
): Judged {
  const of = { states: gateStates, section: 'patient_safety_gate' };
  return judgeCases(db, incidentId, resources, now, of, (q) =>
    q.gate.verdict !== 'blocked' ? null : blockedWhy(q.gate),
  );
}

function awaitingSignoff(
  db: Database.Database,
  incidentId: number,
  resources: WorkflowResources,
  now: Date,
): Judged {
  const of = { states: signoffStates, section: null };
  const judged = judgeCases(db, incidentId, resources, now, of, (q) =>
    // Cheap first: without sign-offs, is anything but sign-offs missing for every such step?
    couldAwaitSignoff(q, now)
      ? awaitingSignoffWhy(q, readCaseSignoffs(db, q.row, q.bare.answers).valid, now)
      : null,
  );
  judged.ids.sort((a, b) => a - b);
  return judged;
}

type Computed = ComputedLists & {
  judged: Record<'blocked' | 'awaiting_signoff', Judged>;
  remote: Record<'blocked' | 'awaiting_signoff', RemoteJudged>;
};

/**
 * The lists the rules decide, kept per database until anything changes or the minute turns: every
 * change writes an audit event (so the head of the chain moves, or another station's head here,
 * for its bundle), and the only thing that changes without one is time (an imaging window
 * closing), which a minute bounds. Scrolling and changing filters then reuse them instead of
 * running the rules again on every call.
 */
const cache = new WeakMap<Database.Database, { key: string; value: Computed }>();

export function computedLists(
  db: Database.Database,
  incidentId: number,
  resources: WorkflowResources,
  now: Date,
): Computed {
  const head = db.prepare('SELECT last_id FROM audit_head').pluck().get() as number | undefined;
  // Other stations' cases change with their bundles, which move their heads here, not ours.
  const heard = db.prepare('SELECT total(head_id) FROM stations').pluck().get() as number;
  const key = `${incidentId}|${head ?? 0}|${heard}|${Math.floor(now.getTime() / 60_000)}`;
  const known = cache.get(db);
  if (known?.key === key) return known.value;
  const value = computeLists(db, incidentId, resources, now);
  cache.set(db, { key, value });
  return value;
}

function computeLists(
  db: Database.Database,
  incidentId: number,
  resources: WorkflowResources,
  now: Date,
): Computed {
  const blocked = blockedCases(db, incidentId, resources, now);
  const awaiting = awaitingSignoff(db, incidentId, resources, now);
  const remote = {
    blocked: remoteBlockedCases(db, incidentId, resources, now),
    awaiting_signoff: remoteAwaitingSignoff(db, incidentId, resources, now),
  };
  return {
    blocked: blocked.ids,
    awaiting_signoff: awaiting.ids,
    remoteBlocked: remote.blocked.keys,
    remoteAwaitingSignoff: remote.awaiting_signoff.keys,
    heldElsewhere: anyHeldElsewhere(db),
    judged: { blocked, awaiting_signoff: awaiting },
    remote,
  };
}

interface ItemRow extends AttentionRow {
  recheck_at: string | null;
  review_version: string | null;
  tracking_id: string;
  advisory_version: string;
  state_entered_at: string;
}

const itemSelect = `
  SELECT c.id, d.asset_tag, c.state, d.department, c.assignee_user_id,
         u.display_name AS assignee_name, c.recheck_at, rr.version AS review_version,
         a.tracking_id, r.version AS advisory_version, c.state_entered_at
    FROM cases c
    JOIN devices d ON d.id = c.device_id
    JOIN advisories a ON a.id = c.advisory_id
    JOIN advisory_revisions r ON r.id = c.advisory_revision_id
    LEFT JOIN users u ON u.id = c.assignee_user_id
    LEFT JOIN advisory_revisions rr ON rr.id = c.review_revision_id`;

function item(
  row: AttentionRow & { recheck_at: string | null } & Partial<RemoteItemRow>,
  why: string,
  whyWords: BoardAttentionWhy | null = null,
  waitingFor: readonly MissingWords[] = [],
): BoardAttentionItem {
  return {
    caseId: row.id,
    ...(row.station_id !== undefined && row.station_name !== undefined
      ? { station: { id: row.station_id, name: row.station_name } }
      : {}),
    assetTag: row.asset_tag,
    state: row.state,
    department: row.department,
    assignee: assigneeOf(row),
    why,
    whyWords,
    waitingFor: waitingFor.map(englishMissingPhrase),
    waitingForWords: [...waitingFor],
    recheckAt: row.state === 'deferred' ? row.recheck_at : null,
  };
}

/** The four attention lists of the whole incident: counts, and the first cases of each. */
export function attentionLists(
  db: Database.Database,
  incidentId: number,
  computed: Computed,
  now: Date,
): Record<BoardAttentionKind, BoardAttentionList> {
  const at = now.toISOString();
  const timeZone = facilityTimeZone(db);
  // A case handed to another station is listed there, not here (case-transfer.ts).
  const held = heldHere;
  const sqlList = (where: string, order: string, params: (string | number)[]) => {
    const count = db
      .prepare(`SELECT count(*) FROM cases c WHERE c.incident_id = ? AND ${held} AND ${where}`)
      .pluck()
      .get(incidentId, ...params) as number;
    const rows = db
      .prepare(
        `${itemSelect} WHERE c.incident_id = ? AND ${held} AND ${where} ORDER BY ${order} LIMIT ?`,
      )
      .all(incidentId, ...params, attentionShown) as ItemRow[];
    return { count, rows };
  };
  // Other stations' cases count in these lists too, listed after this station's (named, not opened).
  const withRemote = (where: string, order: string, params: (string | number)[]) => {
    const local = sqlList(where, order, params);
    const list = { where, params, order };
    const remote = remoteSqlList(db, incidentId, now, list, attentionShown - local.rows.length);
    return {
      count: local.count + remote.count,
      rows: [...local.rows, ...remote.rows] as (ItemRow | RemoteItemRow)[],
    };
  };
  const overdue = withRemote(overdueSql, 'c.recheck_at, d.asset_tag', [at]);
  const review = withRemote(reReviewSql, 'c.review_flagged_at, d.asset_tag', []);
  const fromIds = (judged: Judged): BoardAttentionList => {
    const shown = judged.ids.slice(0, attentionShown);
    const rows = db
      .prepare(
        `${itemSelect} WHERE c.id IN (SELECT value FROM json_each(?))
          ORDER BY c.state_entered_at, d.asset_tag`,
      )
      .all(JSON.stringify(shown)) as ItemRow[];
    return {
      count: judged.ids.length,
      cases: rows.map((r) => {
        const j = judged.why.get(r.id);
        return item(r, j?.why ?? '', j?.words ?? null, j?.waitingFor ?? []);
      }),
    };
  };
  // Other stations' cases the rules picked follow this station's, named with their station.
  const judgedList = (kind: 'blocked' | 'awaiting_signoff'): BoardAttentionList => {
    const local = fromIds(computed.judged[kind]);
    const remote = computed.remote[kind];
    return {
      count: local.count + remote.keys.length,
      cases: [
        ...local.cases,
        ...remoteJudgedItems(db, remote, attentionShown - local.cases.length),
      ],
    };
  };
  return {
    blocked: judgedList('blocked'),
    recheck_overdue: {
      count: overdue.count,
      cases: overdue.rows.map((r) =>
        item(
          r,
          r.recheck_at
            ? `Re-check was due at ${formatClock(new Date(r.recheck_at), now, timeZone)}.`
            : 'Re-check is due.',
        ),
      ),
    },
    needs_re_review: {
      count: review.count,
      cases: review.rows.map((r) =>
        item(
          r,
          `${r.tracking_id} revision ${r.review_version ?? '?'} to review (the case relies on ${r.advisory_version}).`,
          {
            kind: 're_review',
            trackingId: r.tracking_id,
            version: r.review_version ?? '?',
            reliesOn: r.advisory_version,
          },
        ),
      ),
    },
    awaiting_signoff: judgedList('awaiting_signoff'),
  };
}
