import type { NextActionRef, PersonRef } from '../../api/domains/cases';
import type { ActionOption } from '../workflow/next-actions';

/**
 * How a case's assignee and next step are shown wherever a case is listed (case lists, the board,
 * the case page), read from the case row's columns and the workflow's next step.
 */

/** The person a case is assigned to, from its row's assignee columns. */
export function assigneeOf(row: {
  assignee_user_id: number | null;
  assignee_name: string | null;
}): PersonRef | null {
  return row.assignee_user_id === null
    ? null
    : { userId: row.assignee_user_id, name: row.assignee_name ?? '' };
}

/** The next step as a list shows it; `allowed` may be narrowed (a pending re-review holds it). */
export function nextActionRef(
  next: ActionOption | null,
  allowed = next?.allowed ?? false,
): NextActionRef | null {
  return next
    ? { target: next.target, action: next.action, actionKey: next.actionKey, allowed }
    : null;
}
