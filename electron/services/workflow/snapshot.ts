import type { CaseAnswers } from '../playbooks/answers';
import type { PlaybookTemplate } from '../playbooks/schema';
import type { GateEvaluation } from './gate';
import type { ValidSignoff } from './signoff-kinds';
import type { WorkflowState } from './states';

/**
 * Everything the transition rules look at, gathered by the caller (the case service) so that the
 * rules stay pure: no database, no clock.
 */
export interface CaseSnapshot {
  state: WorkflowState;
  /** When the case entered its current state (ISO 8601): a backup before a patch must be newer. */
  stateEnteredAt: string;
  /** The playbook template (and version) the case recorded when it opened. */
  template: PlaybookTemplate;
  answers: CaseAnswers;
  /** `evaluatePatientSafetyGate` on the gate section's answers, at the same `now`. */
  gate: Pick<GateEvaluation, 'verdict' | 'reasons' | 'missing'> &
    Partial<Pick<GateEvaluation, 'reasonWords' | 'missingWords'>>;
  /** Only valid sign-offs: the caller leaves out stale ones (signed content changed since). */
  signoffs: readonly ValidSignoff[];
  /** A deferred case's re-check time (ISO 8601). */
  recheckAt?: string | null;
  /** The facility's time zone, for times in messages; UTC when absent. */
  timeZone?: string;
}

/** What the person asking for a transition supplies with it. */
export interface TransitionRequest {
  /** Why a compromise is suspected (needed to quarantine). */
  reason?: string;
  /** When to answer the gate again (needed to defer). */
  recheckAt?: string;
}

/**
 * The snapshot with its collections defaulted: it is assembled from stored drafts, and a missing
 * part must read as "nothing answered / signed yet", never as an exception.
 */
export function normalizeSnapshot(snapshot: CaseSnapshot): CaseSnapshot {
  const gate = snapshot.gate;
  return {
    ...snapshot,
    answers:
      typeof snapshot.answers === 'object' && snapshot.answers !== null ? snapshot.answers : {},
    signoffs: Array.isArray(snapshot.signoffs) ? snapshot.signoffs : [],
    gate: {
      verdict: gate?.verdict ?? 'incomplete',
      reasons: Array.isArray(gate?.reasons) ? gate.reasons : [],
      missing: Array.isArray(gate?.missing) ? gate.missing : [],
      reasonWords: Array.isArray(gate?.reasonWords) ? gate.reasonWords : [],
      missingWords: Array.isArray(gate?.missingWords) ? gate.missingWords : [],
    },
  };
}
