import type { TFunction } from 'i18next';
import type { BulkDecisionResult, BulkHeldWhy } from '../../../electron/api/domains/board-bulk';
import type { CaseState } from '../../../electron/api/domains/cases';
import { missingLine } from '../components/error-words';
import type { BulkMode } from './board-query';

/** Why a chosen case would not move, in the screen's language (the services' English aside). */
export function heldWhyText(t: TFunction, why: BulkHeldWhy): string {
  const state = (s: CaseState) => t(`cases.state.${s}`);
  switch (why.kind) {
    case 'missing':
      return why.words.map((w) => missingLine(t, w)).join(' ');
    case 'noStep':
      return t('board.bulk.preview.noStep', { from: state(why.from), to: state(why.to) });
    case 'caseClosed':
      return t('board.bulk.preview.caseClosed', { state: state(why.state) });
    case 'incidentClosed':
      return t('board.bulk.preview.incidentClosed', { incident: why.incident });
  }
}

/** How a signed bulk decision ended: all done (green), some (amber) or none (red). */
export type BulkOutcome = 'done' | 'partial' | 'none';

/**
 * A signed bulk decision's outcome and its sentence. A case sent as a request counts as done: its
 * answer comes back from its station. When nothing was done the sentence counts the refused cases
 * ("1 case not moved"), otherwise the moved ones.
 */
export function bulkOutcome(
  t: TFunction,
  mode: BulkMode,
  result: Pick<BulkDecisionResult, 'moved' | 'refused' | 'requested'>,
): { outcome: BulkOutcome; text: string } {
  const { moved, refused, requested } = result;
  const done = moved.length + requested.length;
  const outcome = refused.length === 0 ? 'done' : done > 0 ? 'partial' : 'none';
  if (moved.length === 0 && requested.length > 0 && refused.length === 0) {
    return { outcome, text: t('board.bulk.outcome.requested', { count: requested.length }) };
  }
  const count = outcome === 'none' ? refused.length : moved.length;
  return {
    outcome,
    text: t(`board.bulk.outcome.${mode}.${outcome}`, { count, refused: refused.length }),
  };
}
