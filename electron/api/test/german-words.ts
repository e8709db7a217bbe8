import { errorWordsIn, errorWordsOf } from '../error-words';
import { catalogueLookup } from '../gate-words';
import deErrors from '../i18n/errors.de.json' with { type: 'json' };
import deGate from '../i18n/gate.de.json' with { type: 'json' };
import deMissing from '../i18n/missing.de.json' with { type: 'json' };
import { missingCatalogueLookup, missingSentence, type MissingWords } from '../missing-words';

/**
 * For tests: what a German station reads for a worded error or a missing line, from the same
 * catalogues and rules the UI uses (i18next fills `{{name}}` and picks `_one`/`_other` the same way).
 */
const germanKeys = new Set(
  Object.keys(deErrors.serviceErrors).map((k) => k.replace(/_(one|other)$/, '')),
);

export function germanMissing(words: MissingWords): string {
  return missingSentence(
    words,
    missingCatalogueLookup(deMissing.missingWords),
    catalogueLookup(deGate, 'de'),
  );
}

/** The German sentence of an error's details, or undefined when the error carries no words. */
export function germanError(details: unknown): string | undefined {
  const words = errorWordsOf(details);
  if (!words) return undefined;
  if (!germanKeys.has(words.key)) throw new Error(`No German words for ${words.key}`);
  return errorWordsIn('de', words);
}
