import type { ErrorWords } from '../error-words';
import type { MissingWords } from '../missing-words';
import type { CaseState } from './case-vocabulary';
import type { CaseRequest } from './case-requests';

/** What a bulk decision on the board previews, does and answers (`cases.bulk*` in board.ts). */

/** One chosen case as a bulk decision would find it now. */
export interface BulkPreviewCase {
  caseId: number;
  assetTag: string;
  state: CaseState;
}

/**
 * Why a chosen case would not move, for the screen's language: what its step still lacks (the
 * guard's words), no such step from its state, its case closed, or its incident closed.
 */
export type BulkHeldWhy =
  | { kind: 'missing'; words: MissingWords[] }
  | { kind: 'noStep'; from: CaseState; to: CaseState }
  | { kind: 'caseClosed'; state: CaseState }
  | { kind: 'incidentClosed'; incident: string };

/** A state some of the chosen cases have a step to: who would move now, who not and why. */
export interface BulkPreviewTarget {
  target: CaseState;
  /** Case ids whose guards pass now (given the reason or re-check time in `needs`). */
  movable: number[];
  /** The other chosen cases, each with the guard's words (or why the step does not exist). */
  held: { caseId: number; reason: string; reasonWords: BulkHeldWhy }[];
  /** What the decision itself must supply for this step. */
  needs: ('reason' | 'recheckAt')[];
  /**
   * Chosen cases other stations hold with a step to this state in the workflow table: each is
   * sent to its station as a request, whose guard decides there.
   */
  requested: RemoteCaseKey[];
}

/** A case another station holds: that station, and the case's ID there. */
export interface RemoteCaseKey {
  stationId: string;
  caseId: number;
}

/** A chosen case another station holds, as its station's bundles describe it. */
export interface BulkPreviewRemoteCase extends RemoteCaseKey {
  stationName: string;
  assetTag: string;
  state: CaseState;
}

/**
 * What a bulk decision on these cases would do, before anyone signs: only states that at least one
 * chosen case has a step to are listed, in workflow order.
 */
export interface BulkPreview {
  cases: BulkPreviewCase[];
  targets: BulkPreviewTarget[];
  /** Chosen ids that are not cases of this incident. */
  unknown: number[];
  /** The chosen cases other stations hold (those known here, of stations not revoked). */
  remote: BulkPreviewRemoteCase[];
}

/** A case a bulk decision moved (or, for a re-check, rescheduled). */
export interface BulkMoved {
  caseId: number;
  assetTag: string;
  from: CaseState;
  to: CaseState;
  /** Set by `cases.bulkRecheck` and by a bulk deferral. */
  recheckAt: string | null;
}

/** A case a bulk decision left as it was, with the guard's own words. */
export interface BulkRefused {
  caseId: number;
  /** Empty when the case does not exist. */
  assetTag: string;
  /** The same sentence a single transition would give ("needs a valid sign-off from …"). */
  reason: string;
  /** Machine-readable: the guard's list of what is missing (may be empty). */
  missing: string[];
  /** The same refusal as words of the errors catalogue, for the screen's language (when worded). */
  words?: ErrorWords;
  /** Set for a case another station holds (caseId is that station's). */
  station?: { id: string; name: string };
}

export interface BulkDecisionResult {
  /** The stored decision (`bulk_decision` subject of the commander's sign-off). */
  decisionId: number;
  signoffId: number;
  moved: BulkMoved[];
  refused: BulkRefused[];
  /**
   * The chosen cases other stations hold: each sent to its station as a request, applied there
   * (or refused with its guard's words) when it imports this station's bundle.
   */
  requested: CaseRequest[];
}
