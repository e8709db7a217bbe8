import type { AnswerScalar } from './domains/case-checklist';

/** How a checklist compares an answer: exactly one of these is set in a valid playbook. */
export interface Comparison {
  equals?: AnswerScalar;
  oneOf?: readonly AnswerScalar[];
  atLeast?: number;
}

/**
 * Does the answer meet the comparison (a `showWhen` condition, a `passWhen` check)? The one rule
 * for the services and the screen. With nothing to compare it does not: such a condition never
 * shows what it guards and such a check never passes, rather than waving an answer through.
 */
export function matchesComparison(cmp: Comparison, value: unknown): boolean {
  if (cmp.equals !== undefined) return value === cmp.equals;
  if (cmp.oneOf !== undefined) return cmp.oneOf.some((v) => v === value);
  if (cmp.atLeast !== undefined) return typeof value === 'number' && value >= cmp.atLeast;
  return false;
}
