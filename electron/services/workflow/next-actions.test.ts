import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionIds } from '../playbooks/schema';
import { gateVerdicts } from '../../api/domains/cases';
import { nextActions } from './next-actions';
import { workflowSignoffKinds, type WorkflowSignoffKind } from './signoff-kinds';
import type { CaseSnapshot } from './snapshot';
import { hics251Status, isOpen, workflowStates, type WorkflowState } from './states';
import {
  caseIn,
  completeAnswers,
  minutesAgo,
  minutesFromNow,
  now,
  withAnswers,
} from './test/workflow-fixtures';
import { checkTransition, rulesFrom } from './transitions';

describe('one clear next action', () => {
  it.each<[WorkflowState, WorkflowState | null]>([
    ['at_risk', 'assessing'],
    ['deferred', 'assessing'],
    ['protected_connected', 'patching'],
    ['standalone', 'patching'],
    ['patching', 'verifying'],
    ['verifying', 'reconnecting'],
    ['reconnecting', 'returned_to_service'],
    ['quarantined', 'restoring'],
    ['restoring', 'verifying'],
    ['returned_to_service', null],
  ])('from %s the next action is %s', (state, target) => {
    expect(nextActions(caseIn(state), now).next?.target ?? null).toBe(target);
  });

  it('in assessing, keeps a device on an isolated segment connected (vendor advice 1)', () => {
    expect(nextActions(caseIn('assessing'), now).next).toMatchObject({
      target: 'protected_connected',
      allowed: true,
      missing: [],
    });
  });

  it('in assessing, leads an exposed device to standalone and says what is still missing', () => {
    const exposed = caseIn('assessing', {
      answers: withAnswers('exposure_assessment', { reachable_from_business_network: 'yes' }),
      signoffs: [],
    });
    const result = nextActions(exposed, now);
    expect(result.next).toEqual({
      target: 'standalone',
      action: 'Disconnect and run standalone',
      actionKey: 'assessing__standalone',
      allowed: false,
      missing: [
        'Needs a valid sign-off from a clinical lead (patient safety).',
        'Needs a valid sign-off from a biomed engineer (technical readiness).',
      ],
      missingWords: [
        {
          key: 'signoffNeeded',
          words: {
            who: {
              key: 'text',
              lists: { text: { items: [{ key: 'role_clinical_lead' }], join: 'or' } },
            },
            topic: { key: 'topic_patient_safety_clear' },
          },
        },
        {
          key: 'signoffNeeded',
          words: {
            who: { key: 'text', lists: { text: { items: [{ key: 'role_biomed' }], join: 'or' } } },
            topic: { key: 'topic_technical_readiness' },
          },
        },
      ],
      missingAt: [{ signoff: 'patient_safety_clear' }, { signoff: 'technical_readiness' }],
      needs: [],
      signoffs: [
        { kind: 'patient_safety_clear', roles: ['clinical_lead'], given: false },
        { kind: 'technical_readiness', roles: ['biomed'], given: false },
      ],
    });
    expect(result.options.map((o) => o.target)).toEqual([
      'standalone',
      'protected_connected',
      'deferred',
      'quarantined',
    ]);
    expect(result.allowed).toEqual(['quarantined']);
  });

  it('says where each missing thing is put right: the section, the item, the sign-off', () => {
    const unanswered = caseIn('assessing', {
      answers: withAnswers('backup', { config_backup_taken: undefined }),
      signoffs: [],
    });
    const standalone = nextActions(unanswered, now).options.find((o) => o.target === 'standalone');
    expect(standalone?.missingAt).toEqual([
      { section: 'backup' },
      { signoff: 'patient_safety_clear' },
      { signoff: 'technical_readiness' },
    ]);
    expect(standalone?.missing).toHaveLength(3);
  });

  it('in assessing with a blocked gate, offers to defer with a re-check time', () => {
    const blocked = caseIn('assessing', {
      answers: {
        ...withAnswers('exposure_assessment', { reachable_from_internet: 'unknown' }),
        ...withAnswers('patient_safety_gate', { acquisition_running: true }),
      },
    });
    expect(nextActions(blocked, now).next).toMatchObject({
      target: 'deferred',
      allowed: true,
      needs: ['recheckAt'],
    });
  });

  it('after a patch that was not installed, leads back to assessing', () => {
    const failed = caseIn('patching', {
      answers: withAnswers('patch_record', { patch_result: 'not_installed' }),
    });
    expect(nextActions(failed, now).next).toMatchObject({ target: 'assessing', allowed: true });
  });

  it('shows a deferred case its re-check time, and whether it is due', () => {
    expect(nextActions(caseIn('deferred', { recheckAt: minutesFromNow(20) }), now).recheck).toEqual(
      {
        at: minutesFromNow(20),
        due: false,
      },
    );
    expect(nextActions(caseIn('deferred', { recheckAt: minutesAgo(1) }), now).recheck).toEqual({
      at: minutesAgo(1),
      due: true,
    });
  });

  it('reports the HICS 251 status and whether the case is open', () => {
    expect(nextActions(caseIn('standalone'), now)).toMatchObject({
      open: true,
      hics251: 'partially_functional',
    });
    expect(nextActions(caseIn('returned_to_service'), now)).toMatchObject({
      open: false,
      hics251: 'fully_functional',
      next: null,
      options: [],
      allowed: [],
    });
  });
});

describe('HICS 251 status and open cases', () => {
  it.each<[WorkflowState, string, boolean]>([
    ['at_risk', 'fully_functional', true],
    ['assessing', 'fully_functional', true],
    ['protected_connected', 'fully_functional', true],
    ['deferred', 'fully_functional', true],
    ['standalone', 'partially_functional', true],
    ['patching', 'non_functional', true],
    ['verifying', 'non_functional', true],
    ['reconnecting', 'partially_functional', true],
    ['returned_to_service', 'fully_functional', false],
    ['quarantined', 'non_functional', true],
    ['restoring', 'non_functional', true],
  ])('%s is %s (open: %s)', (state, status, open) => {
    expect(hics251Status(state)).toBe(status);
    expect(isOpen(state)).toBe(open);
  });
});

describe('any snapshot', () => {
  const scalar = fc.oneof(
    fc.boolean(),
    fc.integer({ min: -5, max: 50 }),
    fc.string({ maxLength: 12 }),
    fc.constant(null),
  );
  const validish = fc.constantFrom(
    ...Object.values(completeAnswers).flatMap((section) => Object.values(section)),
    minutesAgo(40),
    minutesFromNow(40),
  );
  const sectionAnswers = fc.dictionary(
    fc.oneof(
      fc.constantFrom(...Object.values(completeAnswers).flatMap((s) => Object.keys(s))),
      fc.string({ maxLength: 8 }),
    ),
    fc.oneof(scalar, validish, fc.jsonValue({ maxDepth: 2 })),
    { maxKeys: 16 },
  );
  const kinds = Object.keys(workflowSignoffKinds) as WorkflowSignoffKind[];
  const snapshot: fc.Arbitrary<CaseSnapshot> = fc.record({
    state: fc.constantFrom(...workflowStates),
    stateEnteredAt: fc.oneof(
      fc.constant(minutesAgo(30)),
      fc.constant(minutesAgo(5)),
      fc.string({ maxLength: 10 }),
    ),
    template: fc.constant(caseIn('at_risk').template),
    answers: fc.oneof(
      fc.constant(completeAnswers),
      fc.dictionary(fc.constantFrom(...sectionIds), sectionAnswers, { maxKeys: 9 }),
    ),
    gate: fc.record({
      verdict: fc.constantFrom(...gateVerdicts),
      reasons: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 2 }),
      missing: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 2 }),
    }),
    signoffs: fc.array(
      fc.record({
        kind: fc.oneof(fc.constantFrom(...kinds), fc.string({ maxLength: 6 })),
        userId: fc.integer({ min: 1, max: 4 }),
        role: fc.constantFrom('clinical_lead', 'biomed', 'it_security', 'technologist', 'admin'),
      }),
      { maxLength: 10 },
    ),
    recheckAt: fc.oneof(
      fc.constant(null),
      fc.constant(minutesFromNow(30)),
      fc.constant(minutesAgo(30)),
    ),
  });
  const request = fc.record(
    {
      reason: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('Odd traffic on 3465.')),
      recheckAt: fc.oneof(fc.constant(minutesFromNow(60)), fc.string({ maxLength: 10 })),
    },
    { requiredKeys: [] },
  );

  it('reads a snapshot with no answers, sign-offs or gate yet as "nothing done yet"', () => {
    const bare = {
      state: 'assessing',
      stateEnteredAt: minutesAgo(1),
      template: caseIn('at_risk').template,
    } as unknown as CaseSnapshot;
    expect(checkTransition(bare, 'standalone', now)).toMatchObject({ allowed: false });
    expect(nextActions(bare, now).next?.target).toBe('standalone');
  });

  it('checkTransition never throws, and every refusal gives at least one reason in words', () => {
    fc.assert(
      fc.property(snapshot, fc.constantFrom(...workflowStates), request, (snap, target, req) => {
        const result = checkTransition(snap, target, now, req);
        if (!result.allowed) {
          expect(result.missing.length).toBeGreaterThan(0);
          for (const m of result.missing) expect(m.trim().length).toBeGreaterThan(0);
        } else {
          expect(rulesFrom(snap.state).some((r) => r.to === target)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('nextActions never throws and allows exactly what checkTransition allows (given the inputs it needs)', () => {
    fc.assert(
      fc.property(snapshot, (snap) => {
        const actions = nextActions(snap, now);
        for (const option of actions.options) {
          const supplied = { reason: 'Seen by IT security.', recheckAt: minutesFromNow(60) };
          expect(checkTransition(snap, option.target, now, supplied).allowed).toBe(option.allowed);
        }
        if (actions.open) expect(actions.next).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
