/**
 * The case work the crash test drives: starting an assessment, answering a checklist item and
 * signing a case, as the demo biomed would at a station. The cases come from an incident the
 * set-up opens for ICSMA-17-215-02 (see `prepareCases`), and what the driver knows of them is
 * read back from the services after every restart, so a kill between commit and acknowledgement
 * never leaves the driver believing something the database does not hold.
 */
import type Database from 'better-sqlite3';
import type { JsonValue, SigningRequest } from '../../../api/domains/cases';
import type { DriveState, Operation } from './operations';

/** The demo biomed (resources/demo/users.json; its PIN is public by design). */
export const demoBiomed = { staffId: 'DEMO-BIOMED', secret: '864209' } as const;
export const demoCommander = { staffId: 'DEMO-IC', secret: '112358' } as const;

export const crashIncidentName = 'Crash drill: ICSMA-17-215-02';

export interface CaseDriveState {
  /** Cases read as `at_risk` at the last set-up, not yet sent to assessing. */
  atRisk: number[];
  /** Cases known to be in `assessing`. */
  assessing: number[];
  /** Technical-readiness sign-offs still to give: the case and the content it shows. */
  signable: { caseId: number; content: Record<string, JsonValue> }[];
}

export const emptyCaseState = (): CaseDriveState => ({ atRisk: [], assessing: [], signable: [] });

const segmentKey = (caseId: number) => `case ${caseId} segment name`;

function remember(state: DriveState, key: string, value: string): void {
  const list = state.sent.get(key) ?? [];
  list.push(value);
  state.sent.set(key, list);
}

export const caseOperations: Operation[] = [
  {
    name: 'start an assessment',
    method: 'cases.transition',
    input(state) {
      const caseId = state.cases.atRisk.shift();
      return caseId === undefined ? null : { caseId, target: 'assessing' };
    },
    acknowledged: (state, input) =>
      state.cases.assessing.push((input as { caseId: number }).caseId),
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
    name: 'sign a case',
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

export interface CaseListing {
  caseId: number;
  state: string;
}

/** What the driver may do next, read from the services (the database is the truth). */
export function caseStateFrom(
  cases: CaseListing[],
  requests: Map<number, SigningRequest[]>,
): CaseDriveState {
  const assessing = cases.filter((c) => c.state === 'assessing').map((c) => c.caseId);
  return {
    atRisk: cases.filter((c) => c.state === 'at_risk').map((c) => c.caseId),
    assessing,
    signable: assessing.flatMap((caseId) => {
      const request = requests
        .get(caseId)
        ?.find((r) => r.kind === 'technical_readiness' && !r.given);
      return request ? [{ caseId, content: request.content }] : [];
    }),
  };
}

export const incidentMissing = (db: Database.Database, id: number): string | null =>
  db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(id) ? null : `incident ${id}`;
