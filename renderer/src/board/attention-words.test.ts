import { describe, expect, it } from 'vitest';
import { signoffKindNames } from '../../../electron/api/roles';
import { whoMaySign, whoMaySignWords } from '../../../electron/services/workflow/guards';
import type { WorkflowSignoffKind } from '../../../electron/services/workflow/signoff-kinds';
import { missingPhraseIn } from '../components/error-words';
import { tFor } from '../i18n/test/translator';

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
