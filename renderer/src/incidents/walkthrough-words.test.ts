import { describe, expect, it } from 'vitest';
import type { WalkthroughReport } from '../../../electron/api/domains/demo';
import { gateLookup } from '../../../electron/api/gate-words';
import { evaluatePatientSafetyGate } from '../../../electron/services/workflow/gate';
import {
  clearGateAnswers,
  minutesAgo,
  now,
  radionuclideTable,
} from '../../../electron/services/workflow/test/workflow-fixtures';
import { tFor } from '../i18n/test/translator';
import { walkthroughStory } from './walkthrough-words';

type WalkedCase = WalkthroughReport['cases'][number];

describe('where the demo walkthrough left each device', () => {
  it('reads in English as the services word it, and in German on a German station', async () => {
    const [en, de] = [await tFor('en'), await tFor('de')];
    const lookup = (t: typeof en, language: 'en' | 'de') =>
      gateLookup(language, (key, values) => t(`gateReasons.${key}`, values));
    const gate = evaluatePatientSafetyGate(
      {
        ...clearGateAnswers,
        injected_patients_waiting: true,
        injected_patients: [{ radionuclide: 'F-18', injected_at: minutesAgo(30) }],
      },
      now,
      radionuclideTable,
      { timeZone: 'Europe/Zurich' },
    );
    const walked = (state: WalkedCase['state'], reasonWords: WalkedCase['reasonWords'] = null) => ({
      caseId: 1,
      assetTag: 'NM-0003',
      trackingId: 'ICSMA-17-215-02',
      state,
      story: '',
      reasonWords,
    });
    const deferred = walked('deferred', gate.reasonWords[0] ?? null);
    expect(walkthroughStory(en, lookup(en, 'en'), deferred)).toBe(gate.reasons[0]);
    const german = walkthroughStory(de, lookup(de, 'de'), deferred);
    expect(german).toMatch(/^Eine mit F-18 um \d\d:\d\d injizierte Person wartet/);
    for (const state of ['returned_to_service', 'protected_connected', 'standalone'] as const) {
      const story = walkthroughStory(de, lookup(de, 'de'), walked(state));
      expect(story, state).not.toMatch(/cases\.|patched|standalone,|service|connected|vendor/);
    }
    expect(walkthroughStory(de, lookup(de, 'de'), walked('deferred'))).toBe(
      'Die Patientensicherheitsprüfung ist blockiert.',
    );
  });
});
