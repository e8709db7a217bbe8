import en from './i18n/match.en.json' with { type: 'json' };
import { versionRangeEnglish } from './version-range-words';

/**
 * The matching service's reasons as words of a catalogue beside the API
 * (electron/api/i18n/match.*.json): the service words its English from here, and the device and
 * advisory pages say the same in the station's language from the key and values. Names, models,
 * products and versions are values, shown as the inventory and the advisory write them.
 */
export type MatchWordKey = keyof typeof en.matchReasons;

/** How the items of a list are joined: "a, and b" (the reader's word), "a; b", "a, b". */
export type MatchJoin = 'and' | 'semicolon' | 'comma';

export interface MatchWords {
  key: MatchWordKey;
  params: Record<string, string | number>;
  /** Values that are themselves words of the catalogue ("another system", why a version is out). */
  words?: Record<string, MatchWords>;
  /** Values that are lists of catalogue words, joined as `join` says. */
  lists?: Record<string, { items: MatchWords[]; join: MatchJoin }>;
  /** Values that are an advisory's version range (`vers:generic/<4.6`), worded by the reader. */
  ranges?: Record<string, string>;
  /** A further sentence of the same reason. */
  then?: MatchWords;
}

/** One key of the reader's catalogue filled in, and a version range in the reader's words. */
export interface MatchLookup {
  word: (key: MatchWordKey, values: Record<string, string | number>) => string;
  range: (text: string) => string;
}

const separators: Record<Exclude<MatchJoin, 'and'>, string> = { semicolon: '; ', comma: ', ' };

/** The reason in the lookup's language: one rule for the service's English and the UI. */
export function matchSentence(words: MatchWords, lookup: MatchLookup): string {
  const values: Record<string, string | number> = { ...words.params };
  for (const [name, inner] of Object.entries(words.words ?? {})) {
    values[name] = matchSentence(inner, lookup);
  }
  for (const [name, { items, join }] of Object.entries(words.lists ?? {})) {
    const separator = join === 'and' ? lookup.word('clausesAnd', {}) : separators[join];
    values[name] = items.map((item) => matchSentence(item, lookup)).join(separator);
  }
  for (const [name, text] of Object.entries(words.ranges ?? {})) {
    values[name] = lookup.range(text);
  }
  const sentence = lookup.word(words.key, values);
  return words.then ? `${sentence} ${matchSentence(words.then, lookup)}` : sentence;
}

const catalogue: Record<string, string> = en.matchReasons;

/** The service's English: the catalogue filled in, ranges in English words. */
export const englishMatch: MatchLookup = {
  word: (key, values) =>
    en.matchReasons[key].replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
      String(values[name] ?? ''),
    ),
  range: versionRangeEnglish,
};

/** The reasons in English, as the service stores and the command line prints them. */
export function englishReasons(reasons: readonly MatchWords[]): string[] {
  return reasons.map((r) => matchSentence(r, englishMatch));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Stored words read back: only what names keys this catalogue has (else null: show the text). */
export function isMatchWords(value: unknown): value is MatchWords {
  if (!isRecord(value) || typeof value.key !== 'string' || !(value.key in catalogue)) return false;
  if (!isRecord(value.params)) return false;
  if (!Object.values(value.params).every((v) => typeof v === 'string' || typeof v === 'number'))
    return false;
  if (value.words !== undefined) {
    if (!isRecord(value.words) || !Object.values(value.words).every(isMatchWords)) return false;
  }
  if (value.lists !== undefined) {
    if (!isRecord(value.lists)) return false;
    for (const list of Object.values(value.lists)) {
      if (!isRecord(list) || !Array.isArray(list.items) || !list.items.every(isMatchWords))
        return false;
      if (list.join !== 'and' && list.join !== 'semicolon' && list.join !== 'comma') return false;
    }
  }
  if (value.ranges !== undefined) {
    if (!isRecord(value.ranges) || !Object.values(value.ranges).every((v) => typeof v === 'string'))
      return false;
  }
  return value.then === undefined || isMatchWords(value.then);
}

/** A stored list of reasons' words, or null when it is not one (a match stored before words). */
export function matchWordsList(value: unknown): MatchWords[] | null {
  return Array.isArray(value) && value.every(isMatchWords) ? value : null;
}
