import { caseStates, type Hics251Status } from '../../api/domains/cases';

/** The states of a device case (PRODUCT.md, "The per-device workflow"). */

/** One list of states for the API and the rules: the API's, so the two cannot drift apart. */
export const workflowStates = caseStates;
export type WorkflowState = (typeof workflowStates)[number];

export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && (workflowStates as readonly string[]).includes(value);
}

/** How a state reads in a sentence: "from Standalone to Patching". */
export const stateLabels: Record<WorkflowState, string> = {
  at_risk: 'At risk',
  assessing: 'Assessing',
  protected_connected: 'Protected (connected)',
  deferred: 'Deferred',
  standalone: 'Standalone',
  patching: 'Patching',
  verifying: 'Verifying',
  reconnecting: 'Reconnecting',
  returned_to_service: 'Returned to service',
  quarantined: 'Quarantined',
  restoring: 'Restoring',
};

/** A case is open until its device is back in service; only then can the incident close. */
export function isOpen(state: WorkflowState): boolean {
  return state !== 'returned_to_service';
}

export const hics251Labels: Record<Hics251Status, string> = {
  fully_functional: 'Fully functional',
  partially_functional: 'Partially functional',
  non_functional: 'Non-functional',
};

/**
 * The device's line on the HICS 251 Facility System Status report. HICS 251 reports what a system
 * can do for patients now, not how exposed it is, so:
 * - at_risk, assessing, deferred: still in clinical use on the network as before → fully
 *   functional. (Deferred means it was kept in use on purpose because patients depend on it; its
 *   risk shows on the board as an open, possibly overdue case, not as lost function.)
 * - protected_connected, returned_to_service: in use on the network → fully functional.
 * - standalone: scans, but no PACS, worklist or remote reading → partially functional.
 * - reconnecting: verified and scanning, network links being restored and the backlog sent →
 *   partially functional, like standalone, until reconnection is approved.
 * - patching, verifying, quarantined, restoring: not available for patients (being updated,
 *   under QC and checks, held as evidence, or being rebuilt) → non-functional.
 */
export function hics251Status(state: WorkflowState): Hics251Status {
  switch (state) {
    case 'at_risk':
    case 'assessing':
    case 'deferred':
    case 'protected_connected':
    case 'returned_to_service':
      return 'fully_functional';
    case 'standalone':
    case 'reconnecting':
      return 'partially_functional';
    case 'patching':
    case 'verifying':
    case 'quarantined':
    case 'restoring':
      return 'non_functional';
  }
}
