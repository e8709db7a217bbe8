import { describe, expect, it } from 'vitest';
import de from '../../api/i18n/steps.de.json' with { type: 'json' };
import en from '../../api/i18n/steps.en.json' with { type: 'json' };
import { stepAction, stepKey } from '../../api/step-words';
import { recheckRule, transitionRules } from './transitions';

describe('the words of the workflow steps', () => {
  const rules = [...transitionRules, recheckRule];

  it('every step of the table has its words in English and German, and only those are kept', () => {
    const used = new Set(rules.map((r) => stepKey(r.from, r.to)));
    expect([...used].sort()).toEqual(Object.keys(en.steps).sort());
    expect(Object.keys(de.steps).sort()).toEqual(Object.keys(en.steps).sort());
    for (const key of used) {
      expect(de.steps[key], key).not.toBe('');
      expect(de.steps[key], key).not.toBe(en.steps[key]);
    }
  });

  it('the table records the English words of each step', () => {
    for (const r of rules) expect(r.action).toBe(en.steps[stepKey(r.from, r.to)]);
    expect(stepAction('deferred', 'assessing')).toBe('Re-check now');
    expect(stepAction('patching', 'quarantined')).toBe('Suspected compromise: quarantine');
  });

  it('a step the table does not have has no words (named in the error)', () => {
    expect(() => stepKey('returned_to_service', 'assessing')).toThrow(
      'No words for the step from returned_to_service to assessing',
    );
  });
});
