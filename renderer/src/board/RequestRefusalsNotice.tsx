import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { refusalSentence } from '../exchange/refusal-words';
import { useMay } from '../inventory/use-may';

/**
 * The commander's requests that the stations holding the cases refused, each with the guard's
 * words that came back in that station's bundle; the Exchange page lists every request.
 */
export function RequestRefusalsNotice({ reloadKey }: { reloadKey: unknown }) {
  const { t } = useTranslation();
  const may = useMay('requests.list');
  const { value } = useCall('requests.list', may ? { refusedOnly: true } : null, reloadKey);
  const refused = value?.requests ?? [];
  if (refused.length === 0) return null;
  return (
    <section
      className="board-conflicts notice notice-warning"
      aria-label={t('board.requests.label')}
      data-testid="board-request-refusals"
    >
      <p>{t('board.requests.summary', { count: refused.length })}</p>
      <ul>
        {refused.slice(0, 5).map((r) => (
          <li key={r.id}>
            {t('board.requests.line', {
              assetTag: r.assetTag,
              station: r.station.name,
              reason: refusalSentence(t, r),
            })}
          </li>
        ))}
      </ul>
      <Link href="#/exchange">{t('board.requests.all')}</Link>
    </section>
  );
}
