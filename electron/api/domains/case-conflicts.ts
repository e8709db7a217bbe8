import { z } from 'zod';
import { method } from '../define';

/** One station's case in a conflict. */
export interface ConflictingCase {
  stationId: string;
  stationName: string;
  /** The case's ID at its station. */
  caseId: number;
  /** This installation holds it. */
  here: boolean;
  state: string;
  updatedAt: string;
}

/**
 * Two or more stations opened a case for the same device (asset tag) and advisory (tracking ID).
 * Nothing is merged: the commander chooses which station holds the case.
 */
export interface CaseConflict {
  assetTag: string;
  trackingId: string;
  cases: ConflictingCase[];
  /** The commander's choice, or null while it is open. */
  decision: {
    stationId: string;
    stationName: string;
    decidedBy: string;
    decidedAt: string;
    reason: string | null;
  } | null;
}

export interface CaseConflictList {
  conflicts: CaseConflict[];
}

const tag = z.string().trim().min(1).max(200);

export const caseConflictMethods = {
  'conflicts.list': method<CaseConflictList>()(
    z.object({ incidentId: z.number().int().positive() }).strict(),
    'The devices of an incident for which two or more stations opened a case, each with its stations’ cases and the commander’s choice, if made.',
  ),
  'conflicts.choose': method<CaseConflict>()(
    z
      .object({
        assetTag: tag,
        trackingId: tag,
        stationId: z.string().uuid(),
        reason: z.string().trim().max(500).optional(),
      })
      .strict(),
    'Choose which station holds the case of a device opened at several stations; the choice is recorded in the audit trail.',
  ),
};
