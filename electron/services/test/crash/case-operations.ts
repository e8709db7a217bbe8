/**
 * The case work the crash test drives: starting an assessment, answering a checklist item, and a
 * cycle that never runs dry, as the demo biomed would at a station: block the gate (a study is
 * running), defer with a re-check time, re-check (a new workflow round), sign the technical
 * readiness again, defer again. The cases come from an incident the set-up opens for
 * ICSMA-17-215-02 (see `prepareCases`); its first case takes the answers, the others the cycle,
 * and each cycle case sits in one queue at a time, so no two calls in flight touch the same case.
 * What the driver knows of them is read back from the services after every restart, so a kill
 * between commit and acknowledgement never leaves the driver believing something the database
 * does not hold.
 */
import type Database from 'better-sqlite3';
import type { BulkDecisionResult } from '../../../api/domains/board';
import type { CaseDetail, JsonValue, SigningRequest } from '../../../api/domains/cases';
// A cycle with operations.ts, which spreads these entries into its table: types only, erased at
// run time, so neither module waits for the other to load. The types stay beside the table.
import type { DriveState, Operation } from './operations';

/** The demo biomed (resources/demo/users.json; its PIN is public by design). */
export const demoBiomed = { staffId: 'DEMO-BIOMED', secret: '864209' } as const;
export const demoCommander = { staffId: 'DEMO-IC', secret: '112358' } as const;
/** The demo facility's administrator (its PIN is public by design, like the others). */
export const demoAdmin = { staffId: 'DEMO-ADMIN', secret: '271828' } as const;

export const crashIncidentName = 'Crash drill: ICSMA-17-215-02';

export interface CaseDriveState {
  /** The drill incident (its cases are the ones below). */
  incidentId: number | null;
  /** Every case of the drill incident, and the commander who assigns them (to themself or nobody). */
  all: number[];
  commanderId: number | null;
  /** The case that takes the checklist answers (the incident's first). */
  answerCase: number | null;
  /** Cases read as `at_risk` at the last set-up, not yet sent to assessing. */
  atRisk: number[];
  /** The answer case, once it is in `assessing`. */
  assessing: number[];
  /** Cycle cases in assessing whose gate is not blocked yet. */
  unblocked: number[];
  /** Cycle cases in assessing with a blocked gate, ready to defer. */
  blocked: number[];
  /** Cycle cases deferred, ready to re-check. */
  deferred: number[];
  /** Technical-readiness sign-offs still to give: the case and the content it shows. */
  signable: { caseId: number; content: Record<string, JsonValue> }[];
}

export const emptyCaseState = (): CaseDriveState => ({
  incidentId: null,
  all: [],
  commanderId: null,
  answerCase: null,
  atRisk: [],
  assessing: [],
  unblocked: [],
  blocked: [],
  deferred: [],
  signable: [],
});

/** Where a cycle case in assessing goes next: signing, when its round still lacks the sign-off. */
function queueAssessing(cases: CaseDriveState, caseId: number, signing: SigningRequest[]): void {
  const request = signing.find((r) => r.kind === 'technical_readiness' && !r.given);
  if (request) cases.signable.push({ caseId, content: request.content });
  else cases.blocked.push(caseId);
}

/** The transition an acknowledged call made: its history entry must be in the database. */
function transitionMissing(db: Database.Database, value: unknown, to: string): string | null {
  const detail = value as CaseDetail;
  const entry = detail.history.filter((h) => h.toState === to).at(-1);
  if (!entry) return `case ${detail.caseId} acknowledged without a move to ${to}`;
  return db.prepare('SELECT 1 FROM case_history WHERE id = ? AND to_state = ?').get(entry.id, to)
    ? null
    : `case ${detail.caseId} moved to ${to} (history ${entry.id})`;
}

/**
 * An acknowledged bulk decision: its signed row with the outcome (written last), its sign-off,
 * and each moved case's own event naming it. The driver offers only cases the decision fits, so
 * a refused case is a finding too.
 */
function decisionMissing(db: Database.Database, value: unknown): string | null {
  const { decisionId, signoffId, moved, refused } = value as BulkDecisionResult;
  const has = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) !== undefined;
  if (!has('SELECT 1 FROM bulk_decisions WHERE id = ? AND outcome IS NOT NULL', decisionId)) {
    return `bulk decision ${decisionId} with its outcome`;
  }
  if (!has("SELECT 1 FROM signoffs WHERE id = ? AND kind = 'bulk_decision'", signoffId)) {
    return `the sign-off of bulk decision ${decisionId}`;
  }
  for (const { caseId } of moved) {
    const event = has(
      `SELECT 1 FROM audit_events WHERE entity_type = 'case' AND entity_id = ?
          AND json_extract(json_extract(body, '$.payload'), '$.bulkDecisionId') = ?`,
      String(caseId),
      decisionId,
    );
    if (!event) return `case ${caseId}'s event of bulk decision ${decisionId}`;
  }
  const first = refused[0];
  return first ? `bulk decision ${decisionId} refused case ${first.caseId}: ${first.reason}` : null;
}

/** Up to two cases from a queue, for one bulk decision of the commander. */
function bulkInput(state: DriveState, queue: number[], decision: Record<string, unknown>) {
  const { incidentId } = state.cases;
  if (incidentId === null || queue.length === 0) return null;
  return {
    incidentId,
    caseIds: queue.splice(0, 2),
    ...decision,
    signoff: { secret: demoCommander.secret },
  };
}

/** A time an hour or two after the services' own "now": within the 72 hours a re-check allows. */
const hoursAhead = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

const segmentKey = (caseId: number) => `case ${caseId} segment name`;
const assigneeKey = (caseId: number) => `case ${caseId} assignee`;

function remember(state: DriveState, key: string, value: string): void {
  const list = state.sent.get(key) ?? [];
  list.push(value);
  state.sent.set(key, list);
}

export const caseOperations: Operation[] = [
  {
    name: 'start an assessment',
    kind: 'transitions',
    method: 'cases.transition',
    input(state) {
      const caseId = state.cases.atRisk.shift();
      return caseId === undefined ? null : { caseId, target: 'assessing' };
    },
    acknowledged(state, input) {
      const { caseId } = input as { caseId: number };
      if (caseId === state.cases.answerCase) state.cases.assessing.push(caseId);
      else state.cases.unblocked.push(caseId);
    },
    missing(db, { input }) {
      const { caseId } = input as { caseId: number };
      const moved = db
        .prepare("SELECT 1 FROM case_history WHERE case_id = ? AND to_state = 'assessing'")
        .get(caseId);
      return moved ? null : `case ${caseId} moved to assessing`;
    },
  },
  {
    name: 'answer a checklist item',
    kind: 'answers',
    method: 'cases.answer',
    input(state, n) {
      const caseId = state.cases.assessing[n % Math.max(1, state.cases.assessing.length)];
      if (caseId === undefined) return null;
      const value = `VLAN ${n}`;
      remember(state, segmentKey(caseId), value);
      return { caseId, sectionId: 'exposure_assessment', itemId: 'segment_name', value };
    },
    missing(db, { input }, state) {
      const { caseId, value } = input as { caseId: number; value: string };
      const stored = db
        .prepare(
          "SELECT value FROM case_answers WHERE case_id = ? AND section_id = 'exposure_assessment' AND item_id = 'segment_name'",
        )
        .pluck()
        .get(caseId);
      const parsed: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
      const sent = state.sent.get(segmentKey(caseId)) ?? [];
      const from = sent.indexOf(value);
      if (from >= 0 && typeof parsed === 'string' && sent.slice(from).includes(parsed)) return null;
      return `case ${caseId}'s segment holds ${JSON.stringify(parsed)}, older than the acknowledged ${JSON.stringify(value)}`;
    },
  },
  {
    name: 'assign a case',
    kind: 'assignments',
    method: 'cases.assign',
    roles: ['incident_commander'],
    waits: true,
    input(state, n) {
      const { all, commanderId } = state.cases;
      const caseId = all[n % Math.max(1, all.length)];
      if (caseId === undefined || commanderId === null) return null;
      const assigneeUserId = n % 2 === 0 ? commanderId : null;
      remember(state, assigneeKey(caseId), String(assigneeUserId));
      return { caseIds: [caseId], assigneeUserId };
    },
    missing(db, { input }, state) {
      const { caseIds, assigneeUserId } = input as { caseIds: number[]; assigneeUserId: unknown };
      const caseId = caseIds[0] ?? 0;
      const stored = String(
        db.prepare('SELECT assignee_user_id FROM cases WHERE id = ?').pluck().get(caseId) ?? null,
      );
      // Later calls overwrite it: the acknowledged value, or one sent after it.
      const sent = state.sent.get(assigneeKey(caseId)) ?? [];
      const from = sent.indexOf(String(assigneeUserId));
      if (from >= 0 && sent.slice(from).includes(stored)) return null;
      return `case ${caseId}'s assignee is ${stored}, older than the acknowledged ${String(assigneeUserId)}`;
    },
  },
  {
    name: 'block the gate',
    kind: 'answers',
    waits: true,
    method: 'cases.answer',
    input(state) {
      const caseId = state.cases.unblocked.shift();
      if (caseId === undefined) return null;
      return {
        caseId,
        sectionId: 'patient_safety_gate',
        itemId: 'acquisition_running',
        value: true,
      };
    },
    acknowledged: (state, input) => state.cases.blocked.push((input as { caseId: number }).caseId),
    missing(db, { input }) {
      const { caseId } = input as { caseId: number };
      const stored = db
        .prepare(
          "SELECT value FROM case_answers WHERE case_id = ? AND section_id = 'patient_safety_gate' AND item_id = 'acquisition_running'",
        )
        .pluck()
        .get(caseId);
      return stored === 'true' ? null : `case ${caseId}'s gate answer (a study running)`;
    },
  },
  {
    name: 'defer a case',
    kind: 'transitions',
    waits: true,
    method: 'cases.transition',
    input(state) {
      const caseId = state.cases.blocked.shift();
      if (caseId === undefined) return null;
      // The re-check time is the services' own "now" plus an hour: within the 72 hours allowed.
      const recheckAt = new Date(Date.now() + 3_600_000).toISOString();
      return { caseId, target: 'deferred', recheckAt };
    },
    acknowledged: (state, input) => state.cases.deferred.push((input as { caseId: number }).caseId),
    missing: (db, { value }) => transitionMissing(db, value, 'deferred'),
  },
  {
    name: 're-check a case',
    kind: 'transitions',
    waits: true,
    method: 'cases.transition',
    input(state) {
      const caseId = state.cases.deferred.shift();
      return caseId === undefined ? null : { caseId, target: 'assessing' };
    },
    acknowledged(state, input, value) {
      queueAssessing(
        state.cases,
        (input as { caseId: number }).caseId,
        (value as CaseDetail).signing,
      );
    },
    missing: (db, { value }) => transitionMissing(db, value, 'assessing'),
  },
  {
    name: 'sign a case',
    kind: 'sign-offs',
    waits: true,
    method: 'signoffs.sign',
    roles: ['biomed'],
    input(state) {
      const next = state.cases.signable.shift();
      if (!next) return null;
      return {
        kind: 'technical_readiness',
        subjectType: 'case',
        subjectId: `${next.caseId}:technical_readiness`,
        content: next.content,
        secret: demoBiomed.secret,
      };
    },
    acknowledged(state, input) {
      const { subjectId } = input as { subjectId: string };
      state.cases.blocked.push(Number(subjectId.split(':')[0]));
    },
    missing(db, { input }) {
      const { subjectId } = input as { subjectId: string };
      const row = db
        .prepare(
          "SELECT 1 FROM signoffs WHERE subject_type = 'case' AND subject_id = ? AND kind = 'technical_readiness'",
        )
        .get(subjectId);
      return row ? null : `the technical-readiness sign-off on case ${subjectId}`;
    },
  },
];

export const bulkDecisionOperations: Operation[] = [
  {
    name: 'bulk defer blocked cases',
    kind: 'bulk decisions',
    method: 'cases.bulkTransition',
    roles: ['incident_commander'],
    waits: true,
    input: (state) =>
      bulkInput(state, state.cases.blocked, { target: 'deferred', recheckAt: hoursAhead(1) }),
    acknowledged(state, _input, value) {
      for (const m of (value as BulkDecisionResult).moved) state.cases.deferred.push(m.caseId);
    },
    missing: (db, { value }) => decisionMissing(db, value),
  },
  {
    name: 'bulk re-check deferred cases',
    kind: 'bulk decisions',
    method: 'cases.bulkRecheck',
    roles: ['incident_commander'],
    waits: true,
    input: (state) =>
      bulkInput(state, state.cases.deferred, {
        recheckAt: hoursAhead(2),
        reason: 'Re-check with the next shift.',
      }),
    acknowledged(state, _input, value) {
      for (const m of (value as BulkDecisionResult).moved) state.cases.deferred.push(m.caseId);
    },
    missing: (db, { value }) => decisionMissing(db, value),
  },
];

export interface CaseListing {
  caseId: number;
  state: string;
}

/** What the driver may do next, read from the services (the database is the truth). */
export function caseStateFrom(
  cases: CaseListing[],
  details: Map<number, Pick<CaseDetail, 'gate' | 'signing'>>,
): CaseDriveState {
  const answerCase = cases[0]?.caseId ?? null;
  const state: CaseDriveState = {
    ...emptyCaseState(),
    all: cases.map((c) => c.caseId),
    answerCase,
    atRisk: cases.filter((c) => c.state === 'at_risk').map((c) => c.caseId),
  };
  for (const { caseId, state: caseState } of cases) {
    const detail = details.get(caseId);
    if (caseId === answerCase) {
      if (caseState === 'assessing') state.assessing.push(caseId);
    } else if (caseState === 'deferred') {
      state.deferred.push(caseId);
    } else if (caseState === 'assessing' && detail) {
      if (detail.gate.verdict === 'blocked') queueAssessing(state, caseId, detail.signing);
      else state.unblocked.push(caseId);
    }
  }
  return state;
}

export const incidentMissing = (db: Database.Database, id: number): string | null =>
  db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(id) ? null : `incident ${id}`;
