/**
 * The lists every side of a device case shares: its states, checklist sections, flags, gate
 * verdicts and HICS 251 statuses. Defined here only: the renderer and the services both import
 * them (through `./cases`, which re-exports them).
 */

export const caseStates = [
  'at_risk',
  'assessing',
  'protected_connected',
  'deferred',
  'standalone',
  'patching',
  'verifying',
  'reconnecting',
  'returned_to_service',
  'quarantined',
  'restoring',
] as const;
export type CaseState = (typeof caseStates)[number];

/** The checklist sections of a playbook template. */
export const checklistSectionIds = [
  'exposure_assessment',
  'patient_safety_gate',
  'backup',
  'standalone_operation',
  'patch_record',
  'verification',
  'reconnection',
  'evidence_preservation',
  'reimaging',
] as const;
export type ChecklistSectionId = (typeof checklistSectionIds)[number];

/**
 * - `needs_re_review`: a newer revision of the advisory arrived; a biomed or IT security user must
 *   acknowledge it (`cases.acknowledgeRevision`).
 * - `recheck_overdue`: a deferred case whose re-check time has passed (computed when read).
 */
export const caseFlags = ['needs_re_review', 'recheck_overdue', 'kev_re_review'] as const;
export type CaseFlag = (typeof caseFlags)[number];

/** What the patient-safety gate says now (`services/workflow/gate.ts` decides). */
export const gateVerdicts = ['clear', 'blocked', 'incomplete'] as const;
export type GateVerdict = (typeof gateVerdicts)[number];

/** A device's line on the HICS 251 Facility System Status report. */
export const hics251Statuses = [
  'fully_functional',
  'partially_functional',
  'non_functional',
] as const;
export type Hics251Status = (typeof hics251Statuses)[number];

/** A zero for each HICS 251 status, to count into. */
export function zeroHics251Counts(): Record<Hics251Status, number> {
  return { fully_functional: 0, partially_functional: 0, non_functional: 0 };
}
