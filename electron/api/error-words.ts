import de from './i18n/errors.de.json' with { type: 'json' };
import en from './i18n/errors.en.json' with { type: 'json' };
import gateDe from './i18n/gate.de.json' with { type: 'json' };
import missingDe from './i18n/missing.de.json' with { type: 'json' };
import pdfDe from './i18n/pdf.de.json' with { type: 'json' };
import { catalogueLookup } from './gate-words';
import type { Language } from './languages';
import { labelInSentence } from './label-in-sentence';
import { roleLabels, roles as allRoles, type Role } from './roles';
import {
  englishMissing,
  isMissingWords,
  missingCatalogueLookup,
  missingSentence,
  type MissingWords,
} from './missing-words';

/**
 * A service error's words as a key of the errors catalogue (electron/api/i18n/errors.*.json)
 * and the values it fills in: the services word the English message from it, and the UI says
 * the same in the station's language. A key with `_one` and `_other` forms takes `count`.
 */
type Plural<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
export type ErrorWordKey = Plural<keyof typeof en.serviceErrors>;
export type ErrorParams = Record<string, string | number>;
/** A thing the services name inside a sentence ("backup folder"), worded by the reader. */
export type TermKey = keyof typeof en.serviceTerms;

export interface ErrorWords {
  key: ErrorWordKey;
  params: ErrorParams;
  /** Values that are lists of roles, each worded by the reader in its language ("A, B or C"). */
  roles?: Record<string, Role[]>;
  /** Lists of roles held together, worded with "and" ("A, B and C"). */
  rolesAnd?: Record<string, Role[]>;
  /** Values that are terms of the catalogue's `serviceTerms` ("the backup folder"). */
  terms?: Record<string, TermKey>;
  /** Values that are what a workflow step still needs (api/missing-words.ts), one line after another. */
  missing?: Record<string, MissingWords[]>;
  /** Values that name a row of a checklist's list by the playbook's row label ("Study 1"). */
  rows?: Record<string, ChecklistRow>;
}

/**
 * A row of a checklist's list as a refusal names it: the playbook's row label (as the template
 * has it, in English, so the reader can take the label of its own language), the row's number,
 * and the field of the row (a quoted label: "Study 1: 'Priority'"). Without a number it is the
 * kind of row inside a sentence ("at least 1 study entry").
 */
export interface ChecklistRow {
  label: string;
  n?: number;
  field?: string;
}

/** What a worded error names besides plain values: lists of roles, terms, missing lines. */
export type ErrorLists = Pick<ErrorWords, 'roles' | 'rolesAnd' | 'terms' | 'missing' | 'rows'>;

const catalogue: Record<string, string> = en.serviceErrors;
const terms: Record<string, string> = en.serviceTerms;

function isParams(value: unknown): value is ErrorParams {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}

/** The words an error's details carry, if they name a key the catalogue has. */
export function errorWordsOf(details: unknown): ErrorWords | undefined {
  const words = (details as { words?: unknown } | undefined)?.words;
  if (typeof words !== 'object' || words === null) return undefined;
  const {
    key,
    params,
    roles,
    rolesAnd,
    terms: named,
    missing,
    rows,
  } = words as {
    key?: unknown;
    params?: unknown;
    roles?: unknown;
    rolesAnd?: unknown;
    terms?: unknown;
    missing?: unknown;
    rows?: unknown;
  };
  if (typeof key !== 'string' || !isParams(params)) return undefined;
  const known = key in catalogue || `${key}_one` in catalogue;
  if (!known) return undefined;
  return {
    key: key as ErrorWordKey,
    params,
    ...(isRoleLists(roles) ? { roles } : {}),
    ...(isRoleLists(rolesAnd) ? { rolesAnd } : {}),
    ...(isTerms(named) ? { terms: named } : {}),
    ...(isMissingLists(missing) ? { missing } : {}),
    ...(isRows(rows) ? { rows } : {}),
  };
}

function isRows(value: unknown): value is Record<string, ChecklistRow> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((row) => {
      if (typeof row !== 'object' || row === null) return false;
      const { label, n, field } = row as { label?: unknown; n?: unknown; field?: unknown };
      return (
        typeof label === 'string' &&
        (n === undefined || typeof n === 'number') &&
        (field === undefined || typeof field === 'string')
      );
    })
  );
}

function isMissingLists(value: unknown): value is Record<string, MissingWords[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((list) => Array.isArray(list) && list.every(isMissingWords))
  );
}

function isTerms(value: unknown): value is Record<string, TermKey> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((t) => typeof t === 'string' && t in terms)
  );
}

function isRoleLists(value: unknown): value is Record<string, Role[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every(
      (list) => Array.isArray(list) && list.every((r) => allRoles.includes(r as Role)),
    )
  );
}

/** "A", "A or B", "A, B or C": the words of a list, with the reader's "or". */
export function listWords(items: readonly string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1) ?? ''}`;
}

/** How a reader words the parts of a worded error: roles, terms, and its "or" and "and". */
export interface ErrorReader {
  role: (role: Role) => string;
  term: (term: TermKey) => string;
  or: string;
  and: string;
  /** One line of what a step still needs, in the reader's language. */
  missing: (words: MissingWords) => string;
  /** A catalogue entry of the reader's errors ("{{label}} {{n}}: {{field}}"), filled in. */
  word: (key: 'row' | 'rowField', params: ErrorParams) => string;
  language: Language;
}

/** A checklist's row in the reader's words: "Study 1: 'Priority'", "Untersuchung 1", "study". */
function rowWords({ label, n, field }: ChecklistRow, reader: ErrorReader): string {
  if (n === undefined) return labelInSentence(label, reader.language);
  return field === undefined
    ? reader.word('row', { label, n })
    : reader.word('rowField', { label, n, field });
}

/**
 * The values of a worded error with its role lists and terms worded by the reader: one rule
 * for the services' English and the UI's language.
 */
export function wordedParams(
  { params, roles = {}, rolesAnd = {}, terms: named = {}, missing = {}, rows = {} }: ErrorWords,
  reader: ErrorReader,
): ErrorParams {
  const out: ErrorParams = { ...params };
  for (const [name, list] of Object.entries(roles)) {
    out[name] = listWords(list.map(reader.role), reader.or);
  }
  for (const [name, list] of Object.entries(rolesAnd)) {
    out[name] = listWords(list.map(reader.role), reader.and);
  }
  for (const [name, term] of Object.entries(named)) out[name] = reader.term(term);
  for (const [name, lines] of Object.entries(missing)) {
    out[name] = lines.map(reader.missing).join(' ');
  }
  for (const [name, row] of Object.entries(rows)) out[name] = rowWords(row, reader);
  return out;
}

/** The English sentence, as i18next would build it (English and German plurals: one, other). */
export function englishErrorWords(words: ErrorWords): string {
  const params = wordedParams(words, {
    role: (r) => roleLabels[r],
    term: (t) => terms[t] ?? t,
    or: catalogue.or ?? 'or',
    and: catalogue.and ?? 'and',
    missing: englishMissing,
    word: (key, values) => fill(catalogue, key, values),
    language: 'en',
  });
  return fill(catalogue, words.key, params);
}

const germanErrors: Record<string, string> = de.serviceErrors;
const germanTerms: Record<string, string> = de.serviceTerms;
const germanRoles: Record<string, string> = pdfDe.pdf.roles;
const germanMissing = missingCatalogueLookup(missingDe.missingWords);
const germanGate = catalogueLookup(gateDe, 'de');

/**
 * The sentence in a language, for what the services print in the reader's language (a German
 * PDF); the UI words the same key and values through its own translations.
 */
export function errorWordsIn(language: Language, words: ErrorWords): string {
  if (language === 'en') return englishErrorWords(words);
  const params = wordedParams(words, {
    role: (r) => germanRoles[r] ?? roleLabels[r],
    term: (t) => germanTerms[t] ?? terms[t] ?? t,
    or: germanErrors.or ?? 'oder',
    and: germanErrors.and ?? 'und',
    missing: (w) => missingSentence(w, germanMissing, germanGate),
    word: (key, values) => fill(germanErrors, key, values),
    language,
  });
  return fill(germanErrors, words.key, params);
}

function fill(from: Record<string, string>, key: string, params: ErrorParams): string {
  const form =
    typeof params.count === 'number' ? `${key}_${params.count === 1 ? 'one' : 'other'}` : key;
  const text = from[form] ?? from[key] ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/**
 * What is wrong with one field of refused input, as a key of the catalogue's `schemaIssues`
 * and its values: the UI says it after the field's name, in the station's language.
 */
export type SchemaIssueKey = Plural<keyof typeof en.schemaIssues>;
export interface SchemaWords {
  key: SchemaIssueKey;
  params: ErrorParams;
}

const schemaCatalogue: Record<string, string> = en.schemaIssues;

export function englishSchemaWords({ key, params }: SchemaWords): string {
  return fill(schemaCatalogue, key, params);
}

/** The words a refused field's issue carries, if they name a key the catalogue has. */
export function schemaWordsOf(value: unknown): SchemaWords | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, params } = value as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !isParams(params)) return undefined;
  if (!(key in schemaCatalogue) && !(`${key}_one` in schemaCatalogue)) return undefined;
  return { key: key as SchemaIssueKey, params };
}
