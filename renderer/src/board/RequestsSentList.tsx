import { useTranslation } from 'react-i18next';
import type { CaseRequest } from '../../../electron/api/domains/case-requests';

/**
 * After a decision: the chosen cases other stations hold, each sent to its station as a request.
 * That station applies it through its own checks when it imports this station's bundle, and its
 * answer comes back in its next one (the board names refusals; the Exchange page lists all).
 */
export function RequestsSentList({ requested }: { requested: readonly CaseRequest[] }) {
  const { t } = useTranslation();
  if (requested.length === 0) return null;
  return (
    <section aria-labelledby="requests-sent" data-testid="requests-sent">
      <h3 id="requests-sent">{t('board.requestsSent.title', { count: requested.length })}</h3>
      <p>{t('board.requestsSent.how')}</p>
      <ul className="board-bulk-list">
        {requested.map((r) => (
          <li key={r.id} data-asset-tag={r.assetTag}>
            <strong>{r.assetTag}</strong>
            <span className="board-bulk-reason">
              {t('board.requestsSent.line', { station: r.station.name })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
