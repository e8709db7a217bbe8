import en from './i18n/missing.en.json' with { type: 'json' };
import { englishGate, gateSentence, type GateLookup, type GateWords } from './gate-words';

/**
 * What a workflow step or the patient-safety gate still needs ("not possible yet"), as words of a
 * catalogue beside the API (electron/api/i18n/missing.*.json): the services word their English
 * lines from here, and the case page says the same in the station's language from the key and
 * values. Labels of the playbook and times (the facility's clock) are values.
 */
type Plural<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
export type MissingWordKey = Plural<keyof typeof en.missingWords>;

export interface MissingWords {
  key: MissingWordKey;
  params?: Record<string, string | number>;
  /** Values that are themselves words of the catalogue (a section, a state, a role). */
  words?: Record<string, MissingWords>;
  /**
   * Values that are lists of words, joined with the reader's "and" or "or" (at most four named,
   * then "and N more"), or with "; " for the parts of one line.
   */
  lists?: Record<string, { items: MissingWords[]; join: 'and' | 'or' | 'parts'; max?: number }>;
  /** The line is one of the gate's reasons, worded from the gate's catalogue. */
  gate?: GateWords;
}

/** Looks one key up in the reader's catalogue, filling in values (`count` picks the plural). */
export type MissingLookup = (
  key: MissingWordKey,
  values: Record<string, string | number>,
) => string;

/** The most items a list names before "and N more". */
const maxNamed = 4;

function joined(
  items: readonly string[],
  join: 'and' | 'or' | 'parts',
  lookup: MissingLookup,
  max = maxNamed,
) {
  if (join === 'parts') return items.join('; ');
  const shown = items.length > max ? items.slice(0, max - 1) : [...items];
  const hidden = items.length - shown.length;
  const all = hidden > 0 ? [...shown, lookup('more', { count: hidden })] : shown;
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(', ')} ${lookup(join, {})} ${all.at(-1) ?? ''}`;
}

function inner(words: MissingWords, lookup: MissingLookup, gate: GateLookup): string {
  if (words.gate) return gateSentence(words.gate, gate);
  const values: Record<string, string | number> = { ...words.params };
  for (const [name, w] of Object.entries(words.words ?? {})) values[name] = inner(w, lookup, gate);
  for (const [name, list] of Object.entries(words.lists ?? {})) {
    values[name] = joined(
      list.items.map((w) => inner(w, lookup, gate)),
      list.join,
      lookup,
      list.max,
    );
  }
  return lookup(words.key, values);
}

/** The line in the lookup's language, its first letter capitalised (it may start with a value). */
export function missingSentence(
  words: MissingWords,
  lookup: MissingLookup,
  gate: GateLookup,
): string {
  const text = inner(words, lookup, gate);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const catalogue: Record<string, string> = en.missingWords;

/** A phrase for inside a sentence ("a clinical lead or IT security"), not capitalised. */
export function missingPhrase(
  words: MissingWords,
  lookup: MissingLookup,
  gate: GateLookup,
): string {
  return inner(words, lookup, gate);
}

/** A lookup in one of the catalogues, with English and German plurals (one, other). */
export function missingCatalogueLookup(from: Record<string, string>): MissingLookup {
  return (key, values) => {
    const form =
      typeof values.count === 'number' ? `${key}_${values.count === 1 ? 'one' : 'other'}` : key;
    const text = from[form] ?? from[key] ?? key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };
}

export const englishMissingLookup = missingCatalogueLookup(catalogue);

/** The English line (what the services record, send in refusals and the command line prints). */
export function englishMissing(words: MissingWords): string {
  return missingSentence(words, englishMissingLookup, englishGate);
}

export function englishMissingPhrase(words: MissingWords): string {
  return missingPhrase(words, englishMissingLookup, englishGate);
}

/** Words of a plain value (a label, a number): shown as it is, in the reader's quotes if asked. */
export function quoted(text: string): MissingWords {
  return { key: 'quoted', params: { text } };
}

export function plainText(text: string): MissingWords {
  return { key: 'text', params: { text } };
}

/** Whether a value that crossed a boundary is a line of this catalogue (checked, not trusted). */
export function isMissingWords(value: unknown): value is MissingWords {
  if (typeof value !== 'object' || value === null) return false;
  const { key } = value as { key?: unknown };
  return typeof key === 'string' && (key in catalogue || `${key}_one` in catalogue);
}
