import { describe, expect, it } from 'vitest';
import { activitySentence, positionWord } from '../../../electron/api/activity-sentence';
import { roles } from '../../../electron/api/permissions';
import { pdfWords, roleWord } from '../../../electron/services/pdf/words';
import {
  activitySentence as pdfSentence,
  describeEvent,
  notableActions,
} from '../../../electron/services/reports/activity-words';
import { pdfLookup } from '../components/report-words';
import { tFor } from '../i18n/test/translator';

/** Every notable action worded, with the values each kind of sentence takes. */
function everyActivity() {
  return notableActions.map((action) => {
    const described = describeEvent(
      {
        id: 1,
        at: '2017-08-03T10:00:00.000Z',
        actorUserId: 1,
        actorRole: 'biomed',
        action,
        entityType: 'case',
        caseId: 7,
        payload: {
          from: 'at_risk',
          to: 'standalone',
          kind: 'risk_acceptance',
          sectionId: 'backup',
          caseIds: [7],
          name: 'Alarm',
          bulkDecisionId: 3,
          reason: 'gesehen um 08:10',
        },
      },
      'NM-0042',
    );
    if (!described) throw new Error(`${action} has no sentence`);
    // `sentence` is worded when read (a getter): read it here.
    return { action, sentence: described.sentence, words: described.words };
  });
}

describe('HICS 214 and briefing activities on screen', () => {
  it('read German on a German screen, as the German PDF words them, with no English sentence', async () => {
    const screen = pdfLookup(await tFor('de'));
    const pdf = pdfWords('de');
    for (const { action, sentence, words } of everyActivity()) {
      const german = activitySentence(screen, words);
      expect(german, action).toBe(pdfSentence(pdf, words));
      // What the screen showed before: the services' English sentence.
      expect(german, action).not.toBe(sentence);
      expect(german, action).not.toMatch(/\{\{|activities\.|\b(the|moved|signed|answered|of)\b/);
    }
    for (const { words } of everyActivity().filter((a) => a.action === 'case.answered')) {
      const summed = { ...words, items: 6 };
      expect(activitySentence(screen, summed)).toBe(pdfSentence(pdf, summed));
      expect(activitySentence(screen, summed)).toMatch(/6/);
    }
  });

  it('read English on an English screen as the services word them', async () => {
    const screen = pdfLookup(await tFor('en'));
    for (const { action, sentence, words } of everyActivity()) {
      expect(activitySentence(screen, words), action).toBe(sentence);
    }
  });

  it('name every position in German', async () => {
    const screen = pdfLookup(await tFor('de'));
    for (const role of [...roles, 'operator', 'system']) {
      expect(positionWord(screen, role), role).toBe(roleWord(pdfWords('de'), role));
    }
    expect(positionWord(screen, 'incident_commander')).toBe('Einsatzleitung');
    expect(positionWord(screen, 'biomed')).toBe('Medizintechnik');
  });
});
