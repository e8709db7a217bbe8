import i18next, { type TFunction } from 'i18next';
import {
  errorWordsOf,
  schemaWordsOf,
  wordedParams,
  type ErrorWords,
} from '../../../electron/api/error-words';
import { gateLookup, type GateLookup } from '../../../electron/api/gate-words';
import { languages, type Language } from '../../../electron/api/languages';
import {
  missingPhrase,
  missingSentence,
  type MissingWords,
} from '../../../electron/api/missing-words';
import type { ApiError } from '../api/client';

interface Issue {
  path: (string | number)[];
  message: string;
  words?: unknown;
}

function issuesOf(error: ApiError): Issue[] {
  const raw = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (i): i is Issue =>
      typeof i === 'object' &&
      i !== null &&
      Array.isArray((i as Issue).path) &&
      typeof (i as Issue).message === 'string',
  );
}

/** The last named step of a schema path: `['roles', 0]` → `roles`. */
function lastKey(path: readonly (string | number)[]): string | undefined {
  return [...path].reverse().find((p): p is string => typeof p === 'string');
}

/** "recheckAt" → "recheck at": a field the catalogue does not name still reads as words. */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}

/** The field a schema path points at, by the name the form gives it (`signoff.secret` → PIN). */
export function fieldName(t: TFunction, path: readonly (string | number)[]): string {
  const key = lastKey(path);
  if (key === undefined) return t('errors.fields.input');
  // The key is built from the path, so the typed catalogue cannot check it: a field it lacks
  // falls back to the path's own words.
  return t(`errors.fields.${key}` as 'errors.fields.input', { defaultValue: words(key) });
}

/** The language the app's one i18next instance reads (English until it is set up). */
function appLanguage(): Language {
  return languages.find((l) => l === i18next.resolvedLanguage) ?? 'en';
}

/**
 * The gate's words in the station's language, its numbers in the station's format: `t` words
 * them, the app's one i18next instance says which language that is (English until it is set up).
 */
export function gateWords(t: TFunction): GateLookup {
  return gateLookup(appLanguage(), (key, values) => t(`gateReasons.${key}`, values));
}

/**
 * One line of what a step or the gate still needs, in the station's language (the key and its
 * values come from the services' catalogue, electron/api/i18n/missing.*.json).
 */
export function missingLine(t: TFunction, words: MissingWords): string {
  const gate = gateWords(t);
  return missingSentence(
    words,
    (key, values) => t(`missingWords.${key}` as 'missingWords.and', values),
    gate,
  );
}

/** The same words as a phrase inside a sentence ("die klinische Leitung oder die IT-Sicherheit"). */
export function missingPhraseIn(t: TFunction, words: MissingWords): string {
  const gate = gateWords(t);
  return missingPhrase(
    words,
    (key, values) => t(`missingWords.${key}` as 'missingWords.and', values),
    gate,
  );
}

/**
 * The service's sentence in the station's language: errors worded from the errors catalogue
 * carry its key and values; any other keeps the service's English.
 */
export function serviceSentence(t: TFunction, error: ApiError): string {
  const words = errorWordsOf(error.details);
  return words ? wordsSentence(t, words) : error.message;
}

/**
 * Words of the errors catalogue (a refusal, an import's reason) in the station's language
 * (`language` is the language `t` words in: the app's, unless a test gives another).
 */
export function wordsSentence(
  t: TFunction,
  words: ErrorWords,
  language: Language = appLanguage(),
): string {
  const params = wordedParams(words, {
    role: (r) => t(`people.roles.${r}`),
    term: (k) => t(`serviceTerms.${k}`),
    or: t('serviceErrors.or'),
    and: t('serviceErrors.and'),
    missing: (w) => missingLine(t, w),
    word: (key, values) => t(`serviceErrors.${key}`, values),
    language,
  });
  // The key comes from the service, checked against the catalogue by errorWordsOf.
  return t(`serviceErrors.${words.key}` as 'serviceErrors.signedOut', params);
}

/** What is wrong with one refused field, in the station's language when the issue is worded. */
function issueSentence(t: TFunction, issue: Issue): string {
  const words = schemaWordsOf(issue.words);
  if (!words) return issue.message;
  // The key comes from the service, checked against the catalogue by schemaWordsOf.
  return t(`schemaIssues.${words.key}` as 'schemaIssues.missing', words.params);
}

/**
 * What the user reads: for refused input, each problem after the name of its field (the method
 * name and the schema path stay behind Details); otherwise the service's own sentence.
 */
export function errorLines(t: TFunction, error: ApiError): { lines: string[]; technical: boolean } {
  const issues = error.code === 'invalid_input' ? issuesOf(error) : [];
  if (issues.length === 0) return { lines: [serviceSentence(t, error)], technical: false };
  return {
    lines: issues.map((i) => {
      const field = fieldName(t, i.path);
      return `${field.charAt(0).toUpperCase()}${field.slice(1)}: ${issueSentence(t, i)}`;
    }),
    technical: true,
  };
}

/**
 * What the service said about one field of a form, to show at that field: a refused schema
 * field, or a rule about it (such as a PIN too short, which names its field in `details`).
 */
export function problemAt(t: TFunction, error: ApiError | undefined, field: string): string | null {
  if (error?.code !== 'invalid_input') return null;
  if ((error.details as { field?: unknown } | undefined)?.field === field) {
    return serviceSentence(t, error);
  }
  const issue = issuesOf(error).find((i) => lastKey(i.path) === field);
  return issue ? issueSentence(t, issue) : null;
}

/** Whether the service's refusal is about one of these fields (then it is shown there alone). */
export function isAboutFields(error: ApiError | undefined, fields: readonly string[]): boolean {
  if (error?.code !== 'invalid_input') return false;
  const field = (error.details as { field?: unknown } | undefined)?.field;
  return fields.some((f) => f === field || issuesOf(error).some((i) => lastKey(i.path) === f));
}
