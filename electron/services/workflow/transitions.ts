import { englishMissing, type MissingWordKey, type MissingWords } from '../../api/missing-words';
import { stepAction } from '../../api/step-words';
import { isolationAnswers, patchResultItem } from '../playbooks/contract';
import type { SectionId } from '../playbooks/schema';
import type { GateVerdict } from '../../api/domains/cases';
import { evaluateGuardsAt } from './guards';
import type { WorkflowSignoffKind } from './signoff-kinds';
import { normalizeSnapshot, type CaseSnapshot, type TransitionRequest } from './snapshot';
import { isOpen, isWorkflowState, workflowStates, type WorkflowState } from './states';
import { formatClock } from './wording';

/**
 * THE table of the per-device workflow (PRODUCT.md): every allowed transition, what must be true
 * (guards) and who must sign (by kind; each kind has one role, see signoff-kinds.ts). Everything
 * not in this table is refused.
 */

export type Guard =
  /** The section is complete and every check in it passes. */
  | { kind: 'section'; section: SectionId }
  /** The backup checklist is done, and done since the case entered its current state. */
  | { kind: 'fresh_backup' }
  | { kind: 'gate'; verdict: GateVerdict }
  /** Answers that must have certain values (checked once answered; the section guard reports gaps). */
  | {
      kind: 'answers';
      section: SectionId;
      expect: readonly { item: string; oneOf: readonly string[] }[];
      /** The catalogue's words (api/i18n/missing.*.json) for what is wrong, and what the step needs. */
      summary: MissingWordKey;
      purpose: MissingWordKey;
    }
  | { kind: 'recheck_time' }
  | { kind: 'reason' };

export interface TransitionRule {
  from: WorkflowState;
  to: WorkflowState;
  /** The button: what the person does (its words in every language: api/i18n/steps.*.json). */
  action: string;
  guards: readonly Guard[];
  signoffs: readonly WorkflowSignoffKind[];
}

const section = (id: SectionId): Guard => ({ kind: 'section', section: id });

const isolated: Guard = {
  kind: 'answers',
  section: 'exposure_assessment',
  expect: isolationAnswers,
  summary: 'summaryNotIsolated',
  purpose: 'purposeKeepConnected',
};

const patchResult = (result: 'installed' | 'not_installed', purpose: MissingWordKey): Guard => ({
  kind: 'answers',
  section: 'patch_record',
  expect: [{ item: patchResultItem, oneOf: [result] }],
  summary: 'summaryPatchMismatch',
  purpose,
});

/** Open states a suspected compromise can come from (quarantined already is that state). */
const compromisable = workflowStates.filter((s) => isOpen(s) && s !== 'quarantined');

export const transitionRules: readonly TransitionRule[] = [
  {
    from: 'at_risk',
    to: 'assessing',
    action: stepAction('at_risk', 'assessing'),
    guards: [],
    signoffs: [],
  },
  // Vendor advice 1: protect network access; IT security attests, the risk owner accepts.
  {
    from: 'assessing',
    to: 'protected_connected',
    action: stepAction('assessing', 'protected_connected'),
    guards: [section('exposure_assessment'), isolated],
    signoffs: ['network_isolation', 'risk_acceptance'],
  },
  // Blocked gate: not now; answer the gate again at the re-check time.
  {
    from: 'assessing',
    to: 'deferred',
    action: stepAction('assessing', 'deferred'),
    guards: [{ kind: 'gate', verdict: 'blocked' }, { kind: 'recheck_time' }],
    signoffs: [],
  },
  // Vendor advice 2: standalone only if patients are not at risk, and with backups in place.
  {
    from: 'assessing',
    to: 'standalone',
    action: stepAction('assessing', 'standalone'),
    guards: [{ kind: 'gate', verdict: 'clear' }, section('backup')],
    signoffs: ['patient_safety_clear', 'technical_readiness'],
  },
  // The re-check is due at its time; re-checking earlier is a decision anyone on the case may take.
  {
    from: 'deferred',
    to: 'assessing',
    action: stepAction('deferred', 'assessing'),
    guards: [],
    signoffs: [],
  },
  // The product diagram joins protected_connected to returned_to_service; a protected device still
  // has to be patched and verified before its case closes (vendor advice 3), so it takes the patch
  // path, with the backup done again first (advice 4).
  {
    from: 'protected_connected',
    to: 'patching',
    action: stepAction('protected_connected', 'patching'),
    guards: [{ kind: 'fresh_backup' }],
    signoffs: [],
  },
  // The downtime log must be final: the backlog sent at reconnection is checked against it.
  {
    from: 'standalone',
    to: 'patching',
    action: stepAction('standalone', 'patching'),
    guards: [section('standalone_operation'), { kind: 'fresh_backup' }],
    signoffs: [],
  },
  {
    from: 'patching',
    to: 'verifying',
    action: stepAction('patching', 'verifying'),
    guards: [section('patch_record'), patchResult('installed', 'purposeVerifying')],
    signoffs: [],
  },
  // A fix that could not be installed (rolled back, window ran out): decide again from the start.
  {
    from: 'patching',
    to: 'assessing',
    action: stepAction('patching', 'assessing'),
    guards: [section('patch_record'), patchResult('not_installed', 'purposeAssessAgain')],
    signoffs: [],
  },
  {
    from: 'verifying',
    to: 'reconnecting',
    action: stepAction('verifying', 'reconnecting'),
    guards: [section('verification')],
    signoffs: ['verification_biomed', 'verification_it'],
  },
  // Verification failed (wrong patch level): patch again, with a fresh backup like any patch.
  {
    from: 'verifying',
    to: 'patching',
    action: stepAction('verifying', 'patching'),
    guards: [{ kind: 'fresh_backup' }],
    signoffs: [],
  },
  {
    from: 'reconnecting',
    to: 'returned_to_service',
    action: stepAction('reconnecting', 'returned_to_service'),
    guards: [section('reconnection')],
    signoffs: ['reconnect_approval'],
  },
  // Evidence first: nothing on the device may change before it is preserved.
  {
    from: 'quarantined',
    to: 'restoring',
    action: stepAction('quarantined', 'restoring'),
    guards: [section('evidence_preservation')],
    signoffs: [],
  },
  // Re-imaged (and patched before any network exposure), with the backup done before re-imaging.
  // IT security releases the device from quarantine: the contract's `quarantine_release` kind
  // attests exactly this step.
  {
    from: 'restoring',
    to: 'verifying',
    action: stepAction('restoring', 'verifying'),
    guards: [section('reimaging'), { kind: 'fresh_backup' }],
    signoffs: ['quarantine_release'],
  },
  // Suspected compromise: from any open state, with nothing but a reason (speed over paperwork).
  ...compromisable.map((from): TransitionRule => ({
    from,
    to: 'quarantined',
    action: stepAction(from, 'quarantined'),
    guards: [{ kind: 'reason' }],
    signoffs: [],
  })),
];

/**
 * Setting a deferred case's re-check time again (the commander's bulk re-check). Not a move: the
 * case stays deferred, so it is not in the table of steps (nor offered as one), but its guard is
 * deferring's, with the same words.
 */
export const recheckRule: TransitionRule = {
  from: 'deferred',
  to: 'deferred',
  action: stepAction('deferred', 'deferred'),
  guards: [{ kind: 'recheck_time' }],
  signoffs: [],
};

export function findRule(from: WorkflowState, to: WorkflowState): TransitionRule | undefined {
  return transitionRules.find((r) => r.from === from && r.to === to);
}

export function rulesFrom(from: WorkflowState): TransitionRule[] {
  return transitionRules.filter((r) => r.from === from);
}

export type TransitionCheck =
  | { allowed: true; notes?: string[] }
  | { allowed: false; missing: string[]; missingWords: MissingWords[] };

function refused(missingWords: MissingWords[]): TransitionCheck {
  return { allowed: false, missing: missingWords.map(englishMissing), missingWords };
}

const stateWords = (state: WorkflowState): MissingWords => ({ key: `state_${state}` });

/**
 * May this case go to `target` now? Never throws: a refusal always says, in plain words, what is
 * missing or why the step does not exist.
 */
export function checkTransition(
  snapshot: CaseSnapshot,
  target: WorkflowState,
  now: Date,
  request: TransitionRequest = {},
): TransitionCheck {
  const from = snapshot.state;
  if (!isWorkflowState(from) || !isWorkflowState(target)) {
    return refused([{ key: 'notAState', params: { state: String(target) } }]);
  }
  if (from === target) return refused([{ key: 'alreadyIn', words: { state: stateWords(from) } }]);
  if (!isOpen(from)) return refused([{ key: 'caseClosed', words: { state: stateWords(from) } }]);
  const rule = findRule(from, target);
  if (!rule) {
    const onwards = rulesFrom(from).map((r) => stateWords(r.to));
    return refused([
      {
        key: 'noSuchStep',
        words: { from: stateWords(from), to: stateWords(target) },
        lists: { onwards: { items: onwards, join: 'and', max: 20 } },
      },
    ]);
  }
  const snap = normalizeSnapshot(snapshot);
  const missing = evaluateGuardsAt(rule, snap, now, request, { withRequest: true });
  if (missing.length > 0) return refused(missing.map((m) => m.words));
  const notes = transitionNotes(rule, snap, now);
  return notes.length > 0 ? { allowed: true, notes } : { allowed: true };
}

function transitionNotes(rule: TransitionRule, snapshot: CaseSnapshot, now: Date): string[] {
  if (rule.from !== 'deferred' || typeof snapshot.recheckAt !== 'string') return [];
  const due = new Date(snapshot.recheckAt);
  if (Number.isNaN(due.getTime()) || due <= now) return [];
  return [
    `The re-check is due at ${formatClock(due, now, snapshot.timeZone)}; this is an early re-check.`,
  ];
}
