import { matchesComparison } from '../../api/checklist-comparison';
import {
  englishErrorWords,
  type ChecklistRow,
  type ErrorParams,
  type ErrorWordKey,
  type ErrorWords,
} from '../../api/error-words';
import type {
  AnyItem,
  PassWhen,
  PlaybookItem,
  PlaybookTemplate,
  RowField,
  SectionId,
} from './schema';

/**
 * Answers against a template: is this answer valid for its item, which items are shown (whether a
 * section is complete is in section-status.ts). Answers arrive as saved drafts (any JSON), so
 * everything starts from `unknown`.
 */

export type AnswerScalar = boolean | string | number;
export type ListRow = Record<string, AnswerScalar>;
export type AnswerValue = AnswerScalar | ListRow[];
/** One section's answers by item id, as saved (unvalidated). */
export type SectionAnswers = Readonly<Record<string, unknown>>;
export type CaseAnswers = Readonly<Partial<Record<SectionId, SectionAnswers>>>;

/**
 * A refused answer: its English words (`problem`) and the catalogue key and values they come
 * from (`words`), so that the station says it in its own language.
 */
export type AnswerCheck =
  { ok: true; value: AnswerValue } | { ok: false; problem: string; words: ErrorWords };

function refused(
  key: ErrorWordKey,
  params: ErrorParams,
  rows?: Record<string, ChecklistRow>,
): AnswerCheck {
  const words: ErrorWords = { key, params, ...(rows ? { rows } : {}) };
  return { ok: false, problem: englishErrorWords(words).replace(/\.$/, ''), words };
}

/**
 * A row's field refused: the same words, its name led by the row ("Study 1: 'Where…'"), the row
 * named by its label and number so that the reader words it in its own language.
 */
function inRow(where: ChecklistRow, check: Extract<AnswerCheck, { ok: false }>): AnswerCheck {
  const { key, params } = check.words;
  const { name, ...rest } = params;
  return refused(key, rest, { name: { ...where, field: String(name) } });
}

/** Quoted words joined as the services list them ("'A', 'B' or 'C'"; the reader quotes its own). */
function quotedOr(words: readonly string[]): string {
  const quoted = words.map((w) => `'${w}'`);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

export interface AnswerOptions {
  /** Needed to refuse a "when was it done" time in the future; without it that check is skipped. */
  now?: Date;
}

/** A few minutes of grace: the workstation's clock and the wall clock on the ward differ. */
export const clockToleranceMs = 5 * 60_000;

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Line breaks, tabs and other control characters: text answers are one printable line. */
function hasControlCharacters(text: string): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function isUnanswered(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** Parses an ISO 8601 date-time with an explicit offset; `null` when it is not one. */
export function parseDateTime(value: unknown): Date | null {
  if (typeof value !== 'string' || !isoDateTime.test(value)) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 2000 && year <= 2100 ? new Date(ms) : null;
}

export { matchesComparison };

/** How an answer reads back to a person: "Yes", the option's label, the number. */
export function describeAnswer(item: AnyItem, value: unknown): string {
  if (item.type === 'yes_no' && typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (item.type === 'choice') {
    const option = item.options.find((o) => o.value === value);
    if (option) return option.label;
  }
  if (item.type === 'number' && typeof value === 'number' && item.unit)
    return `${value} ${item.unit}`;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : 'an answer';
}

export function describeExpected(item: AnyItem, pass: PassWhen): string {
  const values = pass.oneOf ?? (pass.equals !== undefined ? [pass.equals] : []);
  return quotedOr(values.map((v) => describeAnswer(item, v)));
}

/** Is this (non-empty) answer a valid answer to this item? Rows of a list are checked field by field. */
export function validateAnswer(
  item: AnyItem,
  value: unknown,
  options: AnswerOptions = {},
): AnswerCheck {
  const name = `'${item.label}'`;
  if (isUnanswered(value)) return refused('answerUnanswered', { name });
  switch (item.type) {
    case 'yes_no':
      return typeof value === 'boolean' ? { ok: true, value } : refused('answerYesNo', { name });
    case 'choice':
      return typeof value === 'string' && item.options.some((o) => o.value === value)
        ? { ok: true, value }
        : refused('answerOneOf', { name, options: quotedOr(item.options.map((o) => o.label)) });
    case 'number': {
      const unit = item.unit ? ` ${item.unit}` : '';
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= item.min &&
        value <= item.max &&
        (!item.integer || Number.isInteger(value));
      return ok
        ? { ok: true, value }
        : refused(item.integer ? 'answerWholeNumber' : 'answerNumber', {
            name,
            min: item.min,
            max: item.max,
            unit,
          });
    }
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= item.max
        ? { ok: true, value }
        : refused('answerWholeNumber', { name, min: 0, max: item.max, unit: '' });
    case 'datetime': {
      const at = parseDateTime(value);
      if (!at || typeof value !== 'string') {
        return refused('answerDateTime', { name });
      }
      if (
        item.timing === 'past' &&
        options.now &&
        at.getTime() > options.now.getTime() + clockToleranceMs
      ) {
        return refused('answerInFuture', { name, value });
      }
      return { ok: true, value };
    }
    case 'text':
      if (typeof value !== 'string') return refused('answerText', { name });
      if (value.trim().length > item.maxLength) {
        return refused('answerTooLong', { name, max: item.maxLength });
      }
      if (hasControlCharacters(value)) return refused('answerOneLine', { name });
      return { ok: true, value: value.trim() };
    case 'list':
      return validateRows(item, value, options);
  }
}

function validateRows(
  item: Extract<PlaybookItem, { type: 'list' }>,
  value: unknown,
  options: AnswerOptions,
): AnswerCheck {
  const name = `'${item.label}'`;
  // The kind of row inside the sentence ("at least 1 injected patient entry").
  const kind = { rows: { label: item.rowLabel } };
  if (!Array.isArray(value)) return refused('answerNotList', { name }, kind);
  if (value.length < item.minRows) {
    return refused('answerMinRows', { name, count: item.minRows }, kind);
  }
  if (value.length > item.maxRows) return refused('answerMaxRows', { name, max: item.maxRows });
  const rows: ListRow[] = [];
  for (const [n, raw] of value.entries()) {
    const where: ChecklistRow = { label: item.rowLabel, n: n + 1 };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return refused('answerRowInvalid', {}, { name: where });
    }
    const row = raw as Record<string, unknown>;
    // Rows hold only the template's fields: nothing else (a name, a record number) can ride along.
    const unknown = Object.keys(row).filter((k) => !item.fields.some((f) => f.id === k));
    if (unknown.length > 0) {
      return refused('answerRowUnknownFields', { fields: unknown.join(', ') }, { name: where });
    }
    const clean: ListRow = {};
    for (const field of item.fields) {
      if (!rowFieldVisible(item.fields, field, row, 0)) continue;
      const answer = row[field.id];
      if (isUnanswered(answer)) {
        if (field.required) {
          return refused('answerUnanswered', {}, { name: { ...where, field: `'${field.label}'` } });
        }
        continue;
      }
      const check = validateAnswer(field, answer, options);
      if (!check.ok) return inRow(where, check);
      if (!Array.isArray(check.value)) clean[field.id] = check.value;
    }
    rows.push(clean);
  }
  return { ok: true, value: rows };
}

function rowFieldVisible(
  fields: readonly RowField[],
  field: RowField,
  row: Record<string, unknown>,
  depth: number,
): boolean {
  if (!field.showWhen) return true;
  const target = fields.find((f) => f.id === field.showWhen?.item);
  if (!target || depth > fields.length) return false;
  if (!rowFieldVisible(fields, target, row, depth + 1)) return false;
  const check = validateAnswer(target, row[target.id]);
  return check.ok && matchesComparison(field.showWhen, check.value);
}

interface Indexed {
  item: PlaybookItem;
  section: SectionId;
}
const indexes = new WeakMap<PlaybookTemplate, Map<string, Indexed>>();

function indexTemplate(template: PlaybookTemplate): Map<string, Indexed> {
  let index = indexes.get(template);
  if (!index) {
    index = new Map();
    for (const section of template.sections) {
      for (const item of section.items) index.set(item.id, { item, section: section.id });
    }
    indexes.set(template, index);
  }
  return index;
}

export function findItem(template: PlaybookTemplate, itemId: string): Indexed | undefined {
  return indexTemplate(template).get(itemId);
}

/** The saved answer to an item, wherever its section is. */
export function answerOf(
  template: PlaybookTemplate,
  answers: CaseAnswers,
  itemId: string,
): unknown {
  const found = findItem(template, itemId);
  return found ? answers[found.section]?.[itemId] : undefined;
}

/** Shown when its condition's item is itself shown and validly answered with a matching answer. */
export function isItemVisible(
  template: PlaybookTemplate,
  item: PlaybookItem,
  answers: CaseAnswers,
  depth = 0,
): boolean {
  if (!item.showWhen) return true;
  const target = findItem(template, item.showWhen.item);
  if (!target || depth > 100) return false;
  if (!isItemVisible(template, target.item, answers, depth + 1)) return false;
  const check = validateAnswer(target.item, answers[target.section]?.[target.item.id]);
  return check.ok && matchesComparison(item.showWhen, check.value);
}

export function visibleItems(
  template: PlaybookTemplate,
  sectionId: SectionId,
  answers: CaseAnswers,
): PlaybookItem[] {
  const section = template.sections.find((s) => s.id === sectionId);
  return section ? section.items.filter((item) => isItemVisible(template, item, answers)) : [];
}
