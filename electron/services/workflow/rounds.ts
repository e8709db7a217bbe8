import type { WorkflowState } from './states';

/**
 * Rounds of the workflow. A sign-off attests a step of one pass through the workflow; once the
 * case is quarantined, restored, or sent back to an earlier phase, what was attested before is
 * about a device or a plan that has since been taken apart, so it must not admit a later step even
 * when the checklist reads the same. Each such move begins a new round, and a sign-off counts
 * only in the round in which it was given (the case service makes the round part of what is
 * signed, so a sign-off of an earlier round is stale like one on changed content).
 */

/**
 * How far along the main path each state is. A move to a lower phase is a return; deferred sits
 * beside protected and standalone (all three follow the assessment). Quarantined and restoring
 * sit just before verifying, where a restored device rejoins the main path.
 */
const phase: Record<WorkflowState, number> = {
  at_risk: 0,
  assessing: 1,
  deferred: 2,
  protected_connected: 2,
  standalone: 2,
  patching: 3,
  quarantined: 3,
  restoring: 3,
  verifying: 4,
  reconnecting: 5,
  returned_to_service: 6,
};

/** Entering quarantine or restoring begins a new round from any state. */
const roundStartingStates: ReadonlySet<WorkflowState> = new Set(['quarantined', 'restoring']);

/** Does the move from `from` to `to` begin a new round? */
export function startsNewRound(from: WorkflowState, to: WorkflowState): boolean {
  return roundStartingStates.has(to) || phase[to] < phase[from];
}

/** The round a case is in after these transitions (oldest first): 0 for the first pass. */
export function roundAfter(
  transitions: readonly { from: WorkflowState; to: WorkflowState }[],
): number {
  return transitions.filter((t) => startsNewRound(t.from, t.to)).length;
}
