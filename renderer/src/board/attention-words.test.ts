import { describe, expect, it } from 'vitest';
import type { BoardAttentionItem } from '../../../electron/api/domains/board';
import { gateLookup } from '../../../electron/api/gate-words';
import { signoffKindNames } from '../../../electron/api/roles';
import { evaluatePatientSafetyGate } from '../../../electron/services/workflow/gate';
import { whoMaySign, whoMaySignWords } from '../../../electron/services/workflow/guards';
import type { WorkflowSignoffKind } from '../../../electron/services/workflow/signoff-kinds';
import { missingPhraseIn } from '../components/error-words';
import {
  clearGateAnswers,
  minutesAgo,
  now,
  radionuclideTable,
} from '../../../electron/services/workflow/test/workflow-fixtures';
import { tFor } from '../i18n/test/translator';
import { attentionWhy } from './attention-words';

/** The board's "Waiting for …" names who may sign, as the services word it, in the reader's language. */
describe('who a sign-off waits for, on the board', () => {
  it('reads as the services’ English in English, and in German on a German screen', async () => {
    const [en, de] = [await tFor('en'), await tFor('de')];
    for (const kind of signoffKindNames.filter(
      (k): k is WorkflowSignoffKind => k !== 'bulk_decision',
    )) {
      const words = whoMaySignWords(kind);
      expect(missingPhraseIn(en, words), kind).toBe(whoMaySign(kind));
      const german = missingPhraseIn(de, words);
      expect(german, kind).not.toMatch(/missingWords|clinical|security|biomed\b|incident/i);
    }
    expect(missingPhraseIn(de, whoMaySignWords('patient_safety_clear'))).toBe(
      'die klinische Leitung',
    );
    expect(missingPhraseIn(de, whoMaySignWords('network_isolation'))).toBe('die IT-Sicherheit');
  });
});

/** The rest of a board's attention line, beside who a sign-off waits for. */
describe('why a case needs attention, on the board', () => {
  const item = (whyWords: BoardAttentionItem['whyWords'], why = ''): BoardAttentionItem => ({
    caseId: 3,
    assetTag: 'NM-0003',
    state: 'deferred',
    department: null,
    assignee: null,
    why,
    whyWords,
    waitingFor: [],
    waitingForWords: [],
    recheckAt: null,
  });
  const lookups = async () => {
    const [en, de] = [await tFor('en'), await tFor('de')];
    const lookup = (t: typeof en, language: 'en' | 'de') =>
      gateLookup(language, (key, values) => t(`gateReasons.${key}`, values));
    return { en, de, gateEn: lookup(en, 'en'), gateDe: lookup(de, 'de') };
  };

  it('says the blocked gate’s reason as the gate says it, in German on a German board', async () => {
    const { en, de, gateEn, gateDe } = await lookups();
    // A patient injected with Tc-99m 30 minutes ago is still waiting: the gate blocks.
    const gate = evaluatePatientSafetyGate(
      {
        ...clearGateAnswers,
        injected_patients_waiting: true,
        injected_patients: [{ radionuclide: 'Tc-99m', injected_at: minutesAgo(30) }],
      },
      now,
      radionuclideTable,
      { timeZone: 'Europe/Zurich' },
    );
    const [reason] = gate.reasonWords;
    if (!reason) throw new Error('the gate should block');
    const blocked = item({ kind: 'gate', words: reason }, gate.reasons[0]);
    expect(attentionWhy(en, gateEn, blocked, 'blocked')).toBe(gate.reasons[0]);
    const german = attentionWhy(de, gateDe, blocked, 'blocked');
    expect(german).toMatch(/^Eine mit Tc-99m um 10:30 injizierte Person wartet noch/);
    expect(german).toContain('0,08 Halbwertszeiten');
    expect(german).not.toMatch(/patient|injected|waiting/i);
  });

  it('names the revision to review in the reader’s language', async () => {
    const { en, de, gateEn, gateDe } = await lookups();
    const review = item({
      kind: 're_review',
      trackingId: 'ICSMA-17-215-02',
      version: '4',
      reliesOn: '3',
    });
    expect(attentionWhy(en, gateEn, review, 'needs_re_review')).toBe(
      'ICSMA-17-215-02 revision 4 to review (the case relies on revision 3)',
    );
    expect(attentionWhy(de, gateDe, review, 'needs_re_review')).toBe(
      'ICSMA-17-215-02: Revision 4 zu prüfen (der Fall stützt sich auf Revision 3)',
    );
  });

  it('keeps the services’ line where no words come with it', async () => {
    const { de, gateDe } = await lookups();
    const other = item(null, 'Something the services said.');
    expect(attentionWhy(de, gateDe, other, 'blocked')).toBe('Something the services said.');
  });
});
