import { matchesComparison } from '../../api/checklist-comparison';
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

export type AnswerCheck = { ok: true; value: AnswerValue } | { ok: false; problem: string };

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
  const words = values.map((v) => `'${describeAnswer(item, v)}'`);
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** Is this (non-empty) answer a valid answer to this item? Rows of a list are checked field by field. */
export function validateAnswer(
  item: AnyItem,
  value: unknown,
  options: AnswerOptions = {},
): AnswerCheck {
  const name = `'${item.label}'`;
  if (isUnanswered(value)) return { ok: false, problem: `${name} is unanswered` };
  switch (item.type) {
    case 'yes_no':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : { ok: false, problem: `${name} must be Yes or No` };
    case 'choice':
      return typeof value === 'string' && item.options.some((o) => o.value === value)
        ? { ok: true, value }
        : {
            ok: false,
            problem: `${name} must be one of: ${item.options.map((o) => o.label).join('; ')}`,
          };
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
        : {
            ok: false,
            problem: `${name} must be a ${item.integer ? 'whole ' : ''}number from ${item.min} to ${item.max}${unit}`,
          };
    }
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= item.max
        ? { ok: true, value }
        : { ok: false, problem: `${name} must be a whole number from 0 to ${item.max}` };
    case 'datetime': {
      const at = parseDateTime(value);
      if (!at || typeof value !== 'string') {
        return {
          ok: false,
          problem: `${name} must be a date and time with its time zone, like 2017-08-03T08:30:00+02:00`,
        };
      }
      if (
        item.timing === 'past' &&
        options.now &&
        at.getTime() > options.now.getTime() + clockToleranceMs
      ) {
        return {
          ok: false,
          problem: `${name} (${value}) is later than now: a record of something done cannot be in the future`,
        };
      }
      return { ok: true, value };
    }
    case 'text':
      if (typeof value !== 'string') return { ok: false, problem: `${name} must be text` };
      if (value.trim().length > item.maxLength) {
        return { ok: false, problem: `${name} is longer than ${item.maxLength} characters` };
      }
      if (hasControlCharacters(value)) {
        return { ok: false, problem: `${name} must be one line of plain text` };
      }
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
  if (!Array.isArray(value))
    return {
      ok: false,
      problem: `${name} must be a list of ${item.rowLabel.toLowerCase()} entries`,
    };
  if (value.length < item.minRows) {
    return {
      ok: false,
      problem: `${name} needs at least ${item.minRows} ${item.rowLabel.toLowerCase()} ${item.minRows === 1 ? 'entry' : 'entries'}`,
    };
  }
  if (value.length > item.maxRows) {
    return { ok: false, problem: `${name} holds at most ${item.maxRows} entries` };
  }
  const rows: ListRow[] = [];
  for (const [n, raw] of value.entries()) {
    const where = `${item.rowLabel} ${n + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { ok: false, problem: `${where} is not a valid entry` };
    }
    const row = raw as Record<string, unknown>;
    // Rows hold only the template's fields: nothing else (a name, a record number) can ride along.
    const unknown = Object.keys(row).filter((k) => !item.fields.some((f) => f.id === k));
    if (unknown.length > 0) {
      return {
        ok: false,
        problem: `${where} has fields this checklist does not ask for (${unknown.join(', ')})`,
      };
    }
    const clean: ListRow = {};
    for (const field of item.fields) {
      if (!rowFieldVisible(item.fields, field, row, 0)) continue;
      const answer = row[field.id];
      if (isUnanswered(answer)) {
        if (field.required)
          return { ok: false, problem: `${where}: '${field.label}' is unanswered` };
        continue;
      }
      const check = validateAnswer(field, answer, options);
      if (!check.ok) return { ok: false, problem: `${where}: ${check.problem}` };
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
