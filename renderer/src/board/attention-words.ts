import type { TFunction } from 'i18next';
import type { BoardAttentionItem, BoardAttentionKind } from '../../../electron/api/domains/board';
import { gateSentence, type GateLookup } from '../../../electron/api/gate-words';
import { formatDateTime } from '../cases/time-format';
import { missingPhraseIn } from '../components/error-words';

/**
 * Why a case is in an attention list, in the screen's language: who a sign-off waits for, when a
 * re-check was due, the gate's first reason (worded by the gate's catalogue, as on the case
 * page), the revision to review. The services' English line only where nothing else is known.
 */
export function attentionWhy(
  t: TFunction,
  gate: GateLookup,
  item: BoardAttentionItem,
  kind: BoardAttentionKind,
): string {
  if (item.waitingForWords.length > 0) {
    return t('board.attention.waitingFor', {
      who: item.waitingForWords.map((w) => missingPhraseIn(t, w)).join(', '),
    });
  }
  if (item.recheckAt && kind === 'recheck_overdue') {
    return t('board.attention.dueAt', { at: formatDateTime(item.recheckAt) });
  }
  const words = item.whyWords;
  if (words?.kind === 'gate') return gateSentence(words.words, gate);
  if (words?.kind === 're_review') {
    return t('board.attention.reReview', {
      trackingId: words.trackingId,
      version: words.version,
      reliesOn: words.reliesOn,
    });
  }
  return item.why;
}
