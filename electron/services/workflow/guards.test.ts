import { describe, expect, it } from 'vitest';
import { blockedGate, guardRows as rows } from './test/guard-rows';
import type { WorkflowState } from './states';
import { caseIn, minutesAgo, minutesFromNow, now } from './test/workflow-fixtures';
import { checkTransition } from './transitions';
import { catalogueLookup } from '../../api/gate-words';
import deGate from '../../api/i18n/gate.de.json' with { type: 'json' };
import deMissing from '../../api/i18n/missing.de.json' with { type: 'json' };
import {
  englishMissing,
  missingCatalogueLookup,
  missingSentence,
  type MissingWords,
} from '../../api/missing-words';

const germanMissing = (words: MissingWords) =>
  missingSentence(
    words,
    missingCatalogueLookup(deMissing.missingWords),
    catalogueLookup(deGate, 'de'),
  );

describe('every guard', () => {
  it.each(rows.map((r) => [r.rule, r] as const))('%s', (_rule, row) => {
    expect(checkTransition(row.snapshot, row.target, now, row.request)).toEqual({
      allowed: false,
      missing: row.missing,
      missingWords: expect.any(Array),
    });
  });

  it.each(rows.map((r) => [r.rule, r] as const))('%s: says it in German too', (_rule, row) => {
    const check = checkTransition(row.snapshot, row.target, now, row.request);
    if (check.allowed) throw new Error('expected a refusal');
    // The same lines from the words: in English exactly the service's, in German each different.
    expect(check.missingWords.map(englishMissing)).toEqual(row.missing);
    const german = check.missingWords.map(germanMissing);
    expect(german).toHaveLength(row.missing.length);
    german.forEach((line, i) => {
      expect(line).not.toBe(row.missing[i]);
      expect(line).not.toMatch(/\{\{|missingWords|gateReasons/);
    });
  });

  it('allows each of those steps once the missing thing is given', () => {
    const fixed = (state: WorkflowState) => caseIn(state);
    expect(checkTransition(fixed('assessing'), 'protected_connected', now)).toEqual({
      allowed: true,
    });
    expect(checkTransition(fixed('assessing'), 'standalone', now)).toEqual({ allowed: true });
    expect(
      checkTransition(caseIn('assessing', { answers: blockedGate }), 'deferred', now, {
        recheckAt: minutesFromNow(90),
      }),
    ).toEqual({ allowed: true });
  });
});

describe('deferred → assessing', () => {
  it('is the natural step once the re-check time has come', () => {
    const deferred = caseIn('deferred', { recheckAt: minutesAgo(1) });
    expect(checkTransition(deferred, 'assessing', now)).toEqual({ allowed: true });
  });

  it('may be taken earlier by decision, and says so', () => {
    const deferred = caseIn('deferred', { recheckAt: minutesFromNow(45) });
    expect(checkTransition(deferred, 'assessing', now)).toEqual({
      allowed: true,
      notes: ['The re-check is due at 09:45; this is an early re-check.'],
    });
  });
});
