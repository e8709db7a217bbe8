import { errorWordsOf, wordedParams } from '../error-words';
import { catalogueLookup } from '../gate-words';
import deErrors from '../i18n/errors.de.json' with { type: 'json' };
import deGate from '../i18n/gate.de.json' with { type: 'json' };
import deMissing from '../i18n/missing.de.json' with { type: 'json' };
import dePdf from '../i18n/pdf.de.json' with { type: 'json' };
import { missingCatalogueLookup, missingSentence, type MissingWords } from '../missing-words';

/**
 * For tests: what a German station reads for a worded error or a missing line, from the same
 * catalogues and rules the UI uses (i18next fills `{{name}}` and picks `_one`/`_other` the same way).
 */
const errors: Record<string, string> = deErrors.serviceErrors;
const terms: Record<string, string> = deErrors.serviceTerms;

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
  const params = wordedParams(words, {
    role: (r) => dePdf.pdf.roles[r],
    term: (t) => terms[t] ?? t,
    or: errors.or ?? 'oder',
    and: errors.and ?? 'und',
    missing: germanMissing,
  });
  const form =
    typeof params.count === 'number'
      ? `${words.key}_${params.count === 1 ? 'one' : 'other'}`
      : words.key;
  const text = errors[form] ?? errors[words.key];
  if (text === undefined) throw new Error(`No German words for ${words.key}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
