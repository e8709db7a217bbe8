import { z } from 'zod';
import { method } from '../define';

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
  kind: 'transition' | 'recheck';
  /** The state asked for (for a re-check, the case stays deferred). */
  target: string;
  reason: string | null;
  recheckAt: string | null;
  bulkDecisionId: number | null;
  requestedBy: string;
  requestedAt: string;
  /** Null until the holding station's answer has arrived. */
  outcome: 'applied' | 'refused' | null;
  /** For a refusal, the guard's own sentence at the holding station. */
  answerReason: string | null;
  answeredAt: string | null;
}

export interface CaseRequestList {
  requests: CaseRequest[];
}

/** A case another station holds, named by that station and its case ID there. */
export const remoteCaseRef = z
  .object({ stationId: z.string().uuid(), caseId: z.number().int().positive() })
  .strict();

export const caseRequestMethods = {
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
