import { z } from 'zod';
import { method } from '../define';
import type { ErrorWords } from '../error-words';

/**
 * A decision of the commander on a case another station holds: sent as a request in this
 * station's bundle, applied there through the same guard as a step taken there, and answered in
 * that station's next bundle.
 */
export interface CaseRequest {
  id: number;
  station: { id: string; name: string };
  /** The case's ID at the station that holds it. */
  caseId: number;
  assetTag: string;
  kind: 'transition' | 'recheck' | 'assign';
  /** The state asked for (for a re-check, the case stays deferred); null for an assignment. */
  target: string | null;
  /** For an assignment: the staff ID of the person of that station, or null to unassign. */
  assigneeStaffId: string | null;
  reason: string | null;
  recheckAt: string | null;
  bulkDecisionId: number | null;
  requestedBy: string;
  requestedAt: string;
  /** Null until the holding station's answer has arrived. */
  outcome: 'applied' | 'refused' | null;
  /** For a refusal, the guard's own sentence at the holding station (in English). */
  answerReason: string | null;
  /**
   * The same refusal as words of the errors catalogue, to be said in the reader's language;
   * null when the holding station's app sent only the sentence (or a key this app lacks).
   */
  answerWords: ErrorWords | null;
  answeredAt: string | null;
}

export interface CaseRequestList {
  requests: CaseRequest[];
}

/** What sending requests did: the requests sent, and the cases refused at once (not known here). */
export interface SentRequests {
  requested: CaseRequest[];
  refused: {
    caseId: number;
    assetTag: string;
    reason: string;
    words?: ErrorWords;
    missing: string[];
  }[];
}

/** A case another station holds, named by that station and its case ID there. */
export const remoteCaseRef = z
  .object({ stationId: z.string().uuid(), caseId: z.number().int().positive() })
  .strict();

export const caseRequestMethods = {
  'requests.assign': method<SentRequests>()(
    z
      .object({
        remoteCases: z.array(remoteCaseRef).min(1).max(1000),
        /** The person's staff ID at the holding station (the same person at every station); null: unassign. */
        assigneeStaffId: z.string().trim().min(1).max(64).nullable(),
      })
      .strict(),
    'Assign cases other stations hold to a person of that station (by staff ID), or unassign them: each is a request in this station’s bundle, applied there as an assignment made there, and answered in its next bundle.',
  ),
  'requests.list': method<CaseRequestList>()(
    z
      .object({
        /** Only the requests whose answer was a refusal. */
        refusedOnly: z.boolean().optional(),
      })
      .strict(),
    'The requests this station sent to the stations holding cases (bulk moves, re-checks), newest first, each with the answer once it has arrived: applied, or refused with the guard’s reason.',
  ),
};
