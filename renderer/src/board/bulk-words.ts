import type { TFunction } from 'i18next';
import type { BulkHeldWhy } from '../../../electron/api/domains/board-bulk';
import type { CaseState } from '../../../electron/api/domains/cases';
import { missingLine } from '../components/error-words';

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
