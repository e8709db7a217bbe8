import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BulkDecisionResult } from '../../../electron/api/domains/board';
import { formatDateTime } from '../cases/time-format';
import { wordsSentence } from '../components/error-words';
import { boardCaseHref } from './board-hrefs';
import { bulkOutcome } from './bulk-words';
import type { BulkMode } from './board-query';
import { RequestsSentList } from './RequestsSentList';

/** What a bulk decision did: every moved case, and every refused one with the guard's words. */
export function BulkResultView({ result, mode }: { result: BulkDecisionResult; mode: BulkMode }) {
  const { t } = useTranslation();
  const { moved, refused, requested } = result;
  // Green only when everything was done: a partial result is amber, nothing done is red.
  const { outcome, text } = bulkOutcome(t, mode, result);
  const outcomeClass = {
    done: 'notice-success',
    partial: 'notice-warning',
    none: 'notice-danger',
  }[outcome];
  return (
    <div className="board-bulk-result" data-testid="bulk-result">
      <p className={`notice ${outcomeClass}`} role="status" data-outcome={outcome}>
        {text}
      </p>
      <RequestsSentList requested={requested} />
      {refused.length > 0 ? (
        <section aria-labelledby="bulk-refused" data-testid="bulk-refused">
          <h3 id="bulk-refused">
            {mode === 'recheck'
              ? t('board.bulk.refusedRecheckTitle', { count: refused.length })
              : t('board.bulk.refusedTitle', { count: refused.length })}
          </h3>
          <ul className="board-bulk-list">
            {refused.map((r) => (
              <li key={r.caseId} data-asset-tag={r.assetTag}>
                <strong>{r.assetTag || t('board.bulk.unknownCase', { id: r.caseId })}</strong>
                <span className="board-bulk-reason">
                  {r.words ? wordsSentence(t, r.words) : r.reason}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {moved.length > 0 ? (
        <section aria-labelledby="bulk-moved" data-testid="bulk-moved">
          <h3 id="bulk-moved">{t('board.bulk.movedTitle', { count: moved.length })}</h3>
          <ul className="board-bulk-list">
            {moved.map((m) => (
              <li key={m.caseId} data-asset-tag={m.assetTag}>
                <Link className="board-case-link" href={boardCaseHref(m.caseId)}>
                  {m.assetTag}
                </Link>
                <span className="board-bulk-reason">
                  {m.from === m.to
                    ? t('board.bulk.recheckSet', { at: formatDateTime(m.recheckAt) })
                    : t('board.bulk.movedLine', {
                        from: t(`cases.state.${m.from}`),
                        to: t(`cases.state.${m.to}`),
                      })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
