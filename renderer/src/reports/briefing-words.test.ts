import { describe, expect, it } from 'vitest';
import { plannedActionText } from '../../../electron/api/briefing-words';
import { caseStates, type CaseState } from '../../../electron/api/domains/cases';
import { pdfLookup } from '../components/report-words';
import { tFor } from '../i18n/test/translator';

const openStates = caseStates.filter(
  (s): s is Exclude<CaseState, 'returned_to_service'> => s !== 'returned_to_service',
);

/** The briefing's planned actions, one line per open state, in the reader's language. */
describe('the briefing’s planned actions', () => {
  it('says what comes next for each open state in German on a German screen', async () => {
    const [de, en] = [pdfLookup(await tFor('de')), pdfLookup(await tFor('en'))];
    for (const state of openStates) {
      const german = plannedActionText(state, de);
      expect(german, state).not.toBe(plannedActionText(state, en));
      expect(german, state).not.toMatch(/plannedActions|\b(the|and|start|finish|patching)\b/);
    }
    expect(plannedActionText('at_risk', en)).toBe(
      'start the assessment (network exposure, patch availability, patient-safety gate)',
    );
  });
});
