import en from './i18n/gate.en.json' with { type: 'json' };
import type { Language } from './languages';
import { formatDecimal } from './number-format';

/**
 * The patient-safety gate's reasons and notes as words of a catalogue beside the API
 * (electron/api/i18n/gate.*.json): the gate words its English sentences from here, and the case
 * page and the PDFs say the same in their language from the key and values. Times, minutes and
 * names are values, formatted by the gate (the facility's clock); numbers with decimals are
 * values formatted by the reader (a German station reads "0,74 Halbwertszeiten").
 */
export type GateWordKey = keyof typeof en.gateReasons;

export interface GateWords {
  key: GateWordKey;
  params: Record<string, string | number>;
  /** Values that are themselves words of the catalogue, e.g. the study or the action. */
  words?: Record<string, GateWords>;
  /** Values that are lists of catalogue words, joined with the reader's "and". */
  lists?: Record<string, GateWordKey[]>;
  /** Numbers shown with `digits` decimals in the reader's number format (the half-lives). */
  decimals?: Record<string, { value: number; digits: number }>;
}

/**
 * Looks one key up in the reader's catalogue, filling in values; its `language` formats the
 * numbers the words carry.
 */
export type GateLookup = ((key: GateWordKey, values: Record<string, string | number>) => string) & {
  language: Language;
};

/** A lookup in `language` from a function that fills in one key (i18next's `t`, a catalogue). */
export function gateLookup(
  language: Language,
  words: (key: GateWordKey, values: Record<string, string | number>) => string,
): GateLookup {
  return Object.assign(words, { language });
}

/** "a", "a and b", "a, b and c". */
function joined(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1) ?? ''}`;
}

/** The sentence in the lookup's language: one rule for the gate's English, the UI and the PDFs. */
export function gateSentence(words: GateWords, lookup: GateLookup): string {
  const values: Record<string, string | number> = { ...words.params };
  for (const [name, inner] of Object.entries(words.words ?? {})) {
    values[name] = gateSentence(inner, lookup);
  }
  for (const [name, list] of Object.entries(words.lists ?? {})) {
    values[name] = joined(
      list.map((k) => lookup(k, {})),
      lookup('and', {}),
    );
  }
  for (const [name, { value, digits }] of Object.entries(words.decimals ?? {})) {
    values[name] = formatDecimal(value, lookup.language, digits);
  }
  return lookup(words.key, values);
}

/** A lookup in one of the gate's catalogues (the services' English, a PDF's language). */
export function catalogueLookup(catalogue: typeof en, language: Language): GateLookup {
  return gateLookup(language, (key, values) =>
    catalogue.gateReasons[key].replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
      String(values[name] ?? ''),
    ),
  );
}

export const englishGate = catalogueLookup(en, 'en');
