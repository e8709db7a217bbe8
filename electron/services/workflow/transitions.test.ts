import { describe, expect, it } from 'vitest';
import type { TransitionRequest } from './snapshot';
import { stateLabels, workflowStates, type WorkflowState } from './states';
import { caseIn, minutesFromNow, now, withAnswers } from './test/workflow-fixtures';
import { evaluateGuards } from './guards';
import { normalizeSnapshot } from './snapshot';
import { checkTransition, findRule, recheckRule, transitionRules } from './transitions';

/**
 * Every (state, target) pair, 11 × 11. The expected table is written out here from PRODUCT.md's
 * workflow (not derived from the code's table), with the steps the code adds and justifies:
 * protected_connected → patching, patching → assessing (fix not installed), verifying → patching
 * (verification failed).
 */
const expected: Record<WorkflowState, WorkflowState[]> = {
  at_risk: ['assessing', 'quarantined'],
  assessing: ['protected_connected', 'deferred', 'standalone', 'quarantined'],
  protected_connected: ['patching', 'quarantined'],
  deferred: ['assessing', 'quarantined'],
  standalone: ['patching', 'quarantined'],
  patching: ['verifying', 'assessing', 'quarantined'],
  verifying: ['reconnecting', 'patching', 'quarantined'],
  reconnecting: ['returned_to_service', 'quarantined'],
  returned_to_service: [],
  quarantined: ['restoring'],
  restoring: ['verifying', 'quarantined'],
};

const request: TransitionRequest = {
  reason: 'IT security saw an unknown process listening on TCP 3465 at 08:45.',
  recheckAt: minutesFromNow(60),
};

/** A case that meets everything the step asks for, so only the table can refuse it. */
function readyFor(from: WorkflowState, to: WorkflowState) {
  if (from === 'assessing' && to === 'deferred') {
    return caseIn(from, {
      answers: withAnswers('patient_safety_gate', { acquisition_running: true }),
    });
  }
  if (from === 'patching' && to === 'assessing') {
    return caseIn(from, {
      answers: withAnswers('patch_record', { patch_result: 'not_installed' }),
    });
  }
  return caseIn(from);
}

const pairs = workflowStates.flatMap((from) => workflowStates.map((to) => [from, to] as const));

describe('every (state, target) pair', () => {
  it('covers 121 pairs and the code table has exactly the expected steps', () => {
    expect(pairs).toHaveLength(121);
    const inCode = transitionRules.map((r) => `${r.from} → ${r.to}`).sort();
    const inDoc = workflowStates.flatMap((f) => expected[f].map((t) => `${f} → ${t}`)).sort();
    expect(inCode).toEqual(inDoc);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const result = checkTransition(readyFor(from, to), to, now, request);
    if (expected[from].includes(to)) {
      expect(result).toEqual({ allowed: true });
      return;
    }
    expect(result.allowed).toBe(false);
    const message = result.allowed ? '' : result.missing.join(' ');
    if (from === to) {
      expect(message).toBe(`The case is already in ${stateLabels[from]}.`);
    } else if (from === 'returned_to_service') {
      expect(message).toMatch(/^The case is closed \(Returned to service\): .*new case/);
    } else {
      expect(message).toContain(
        `A case cannot go from ${stateLabels[from]} to ${stateLabels[to]}. From ${stateLabels[from]} it can go to `,
      );
      for (const onwards of expected[from]) expect(message).toContain(stateLabels[onwards]);
    }
  });
});

describe('suspected compromise', () => {
  const open = workflowStates.filter((s) => s !== 'returned_to_service' && s !== 'quarantined');

  it.each(open)('moves a case from %s to quarantined with nothing but a reason', (from) => {
    const bare = { ...caseIn(from), answers: {}, signoffs: [] };
    expect(
      checkTransition(bare, 'quarantined', now, { reason: 'Ransom note on the console.' }),
    ).toEqual({
      allowed: true,
    });
  });

  it.each(['', '   ', undefined])('refuses quarantine without a reason (%j)', (reason) => {
    expect(checkTransition(caseIn('standalone'), 'quarantined', now, { reason })).toEqual({
      allowed: false,
      missing: ['Say why a compromise is suspected: what was seen, and when.'],
      missingWords: [{ key: 'reasonMissing' }],
    });
  });

  it('refuses a reason longer than 1000 characters', () => {
    const result = checkTransition(caseIn('standalone'), 'quarantined', now, {
      reason: 'x'.repeat(1001),
    });
    expect(result).toMatchObject({
      allowed: false,
      missing: ['Keep the reason under 1000 characters.'],
    });
  });
});

describe('unknown targets', () => {
  it('refuses a state that does not exist, in words', () => {
    const result = checkTransition(caseIn('assessing'), 'fixed' as WorkflowState, now);
    expect(result).toEqual({
      allowed: false,
      missing: ['"fixed" is not a state a case can be in.'],
      missingWords: [{ key: 'notAState', params: { state: 'fixed' } }],
    });
  });
});

describe('the re-check rule (a deferral given a new re-check time)', () => {
  const guarded = (rule: typeof recheckRule, from: WorkflowState, req: TransitionRequest) =>
    evaluateGuards(rule, normalizeSnapshot(caseIn(from)), now, req, { withRequest: true });

  it('is no step of the table: the case stays deferred', () => {
    expect(transitionRules).not.toContain(recheckRule);
    expect(recheckRule).toMatchObject({ from: 'deferred', to: 'deferred', signoffs: [] });
  });

  it("asks for the re-check time in deferring's words, and takes a valid one", () => {
    const missing = guarded(recheckRule, 'deferred', {});
    expect(missing).toHaveLength(1);
    const deferring = findRule('assessing', 'deferred');
    expect(deferring && guarded(deferring, 'assessing', {})).toContain(missing[0]);
    expect(guarded(recheckRule, 'deferred', { recheckAt: minutesFromNow(60) })).toEqual([]);
  });
});
