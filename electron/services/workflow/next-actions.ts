import { answerOf } from '../playbooks/answers';
import { sectionStatus } from '../playbooks/section-status';
import { isolationAnswers, patchResultItem } from '../playbooks/contract';
import { evaluateGuardsAt, type MissingAt } from './guards';
import type { Role } from '../../api/permissions';
import { rolesFor, satisfies, type WorkflowSignoffKind } from './signoff-kinds';
import { normalizeSnapshot, type CaseSnapshot } from './snapshot';
import type { Hics251Status } from '../../api/domains/cases';
import { hics251Status, isOpen, isWorkflowState, type WorkflowState } from './states';
import { rulesFrom, type TransitionRule } from './transitions';
import { stepKey, type StepKey } from '../../api/step-words';
import type { MissingWords } from '../../api/missing-words';

/**
 * What the on-floor screen shows: one clear next action (the most natural step from here, with what
 * it still needs) and the other steps the table allows.
 */

export interface ActionOption {
  target: WorkflowState;
  action: string;
  /** The key of the button's words in every language (api/i18n/steps.*.json). */
  actionKey: StepKey;
  /** Allowed now, given the inputs in `needs` (a reason, a re-check time) when the step is taken. */
  allowed: boolean;
  missing: string[];
  /** The same as catalogue words (api/missing-words.ts), for the station's language. */
  missingWords: MissingWords[];
  /** Where each of `missing` is put right on the case page (same order). */
  missingAt: MissingAt[];
  needs: ('reason' | 'recheckAt')[];
  signoffs: { kind: WorkflowSignoffKind; roles: readonly Role[]; given: boolean }[];
}

export interface NextActions {
  state: WorkflowState;
  open: boolean;
  hics251: Hics251Status;
  /** The one clear next action; null once the case is closed. */
  next: ActionOption | null;
  /** Every step the table has from this state, the natural one first. */
  options: ActionOption[];
  /** Targets allowed now (given `needs`). */
  allowed: WorkflowState[];
  /** For a deferred case: when the gate is due again, and whether that time has come. */
  recheck: { at: string; due: boolean } | null;
}

export function nextActions(given: CaseSnapshot, now: Date): NextActions {
  const snapshot = normalizeSnapshot(given);
  const state: WorkflowState = isWorkflowState(snapshot.state) ? snapshot.state : 'at_risk';
  const rules = isOpen(state) ? rulesFrom(state) : [];
  const natural = naturalTarget(snapshot, state, now);
  const options = rules
    .map((rule) => describeOption(rule, snapshot, now))
    .sort((a, b) => Number(b.target === natural) - Number(a.target === natural));
  const recheckAt = typeof snapshot.recheckAt === 'string' ? new Date(snapshot.recheckAt) : null;
  return {
    state,
    open: isOpen(state),
    hics251: hics251Status(state),
    next: options.find((o) => o.target === natural) ?? null,
    options,
    allowed: options.filter((o) => o.allowed).map((o) => o.target),
    recheck:
      state === 'deferred' && recheckAt && !Number.isNaN(recheckAt.getTime())
        ? { at: recheckAt.toISOString(), due: recheckAt <= now }
        : null,
  };
}

function describeOption(rule: TransitionRule, snapshot: CaseSnapshot, now: Date): ActionOption {
  const found = evaluateGuardsAt(rule, snapshot, now, {}, { withRequest: false });
  const missing = found.map((m) => m.text);
  const given = snapshot.signoffs;
  const needs: ActionOption['needs'] = [];
  for (const guard of rule.guards) {
    if (guard.kind === 'reason') needs.push('reason');
    if (guard.kind === 'recheck_time') needs.push('recheckAt');
  }
  return {
    target: rule.to,
    action: rule.action,
    actionKey: stepKey(rule.from, rule.to),
    allowed: missing.length === 0,
    missing,
    missingWords: found.map((m) => m.words),
    missingAt: found.map((m) => m.at),
    needs,
    signoffs: rule.signoffs.map((kind) => ({
      kind,
      roles: rolesFor(kind),
      given: given.some((s) => satisfies(s, kind)),
    })),
  };
}

/**
 * The step the product's workflow leads to from here. In assessing: a device already on an isolated
 * segment stays connected (vendor advice 1); otherwise a blocked gate means defer, and anything
 * else means working towards standalone (advice 2).
 */
function naturalTarget(
  snapshot: CaseSnapshot,
  state: WorkflowState,
  now: Date,
): WorkflowState | null {
  switch (state) {
    case 'at_risk':
    case 'deferred':
      return 'assessing';
    case 'assessing': {
      const exposure = sectionStatus(snapshot.template, 'exposure_assessment', snapshot.answers, {
        now,
      });
      const isolated = isolationAnswers.every(({ item, oneOf }) =>
        oneOf.some((v) => v === answerOf(snapshot.template, snapshot.answers, item)),
      );
      if (exposure.done && isolated) return 'protected_connected';
      return snapshot.gate.verdict === 'blocked' ? 'deferred' : 'standalone';
    }
    case 'protected_connected':
    case 'standalone':
      return 'patching';
    case 'verifying':
      return 'reconnecting';
    case 'patching':
      return answerOf(snapshot.template, snapshot.answers, patchResultItem) === 'not_installed'
        ? 'assessing'
        : 'verifying';
    case 'reconnecting':
      return 'returned_to_service';
    case 'quarantined':
      return 'restoring';
    case 'restoring':
      return 'verifying';
    case 'returned_to_service':
      return null;
  }
}
