import { matchesComparison } from '../../../electron/api/checklist-comparison';
import type {
  AnswerScalar,
  ChecklistField,
  ChecklistItem,
} from '../../../electron/api/domains/cases';

/** One row of a list answer (an injected patient, a booked study) as it is being typed. */
export type Row = Record<string, AnswerScalar>;

/**
 * Shown when its condition's field is itself shown and has a matching answer: the services'
 * rule for a row (`playbooks/answers.ts`), with the comparison they use, so the form never asks
 * for a field the services would drop or miss one they need.
 */
function fieldShown(
  fields: readonly ChecklistField[],
  field: ChecklistField,
  row: Row,
  depth = 0,
): boolean {
  const cmp = field.showWhen;
  if (!cmp) return true;
  const target = fields.find((f) => f.id === cmp.item);
  if (!target || depth > fields.length) return false;
  return fieldShown(fields, target, row, depth + 1) && matchesComparison(cmp, row[target.id]);
}

export const visibleFields = (item: ChecklistItem, row: Row): ChecklistField[] =>
  (item.fields ?? []).filter((f, _, fields) => fieldShown(fields, f, row));

/** Missing required fields of a row, by label. */
export function missingIn(item: ChecklistItem, row: Row): string[] {
  return visibleFields(item, row)
    .filter((f) => f.required && (row[f.id] === undefined || row[f.id] === ''))
    .map((f) => f.label);
}

/** Only the fields shown for the row's answers are sent: hidden ones would be refused. */
export const cleanRow = (item: ChecklistItem, row: Row): Row =>
  Object.fromEntries(
    visibleFields(item, row)
      .filter((f) => row[f.id] !== undefined)
      .map((f) => [f.id, row[f.id] as AnswerScalar]),
  );
