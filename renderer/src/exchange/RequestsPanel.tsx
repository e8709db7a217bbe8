import { useTranslation } from 'react-i18next';
import type { CaseRequest } from '../../../electron/api/domains/case-requests';
import type { CaseState } from '../../../electron/api/domains/cases';
import { useCall } from '../api/use-call';
import { formatDateTime } from '../cases/time-format';
import { ColumnHeads } from '../components/ColumnHeads';
import { ErrorMessage } from '../components/ErrorMessage';
import { refusalSentence } from './refusal-words';

/**
 * The commander's decisions on cases other stations hold: each sent as a request in this
 * station's bundle, and answered in that station's next one (applied, or refused with its
 * guard's words).
 */
export function RequestsPanel({ reloadKey }: { reloadKey: unknown }) {
  const { t } = useTranslation();
  const { t: requests } = useTranslation(undefined, { keyPrefix: 'exchange.requests' });
  const { value, error, reload } = useCall('requests.list', {}, reloadKey);
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!value || value.requests.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="exchange-requests-title">
      <h2 id="exchange-requests-title">{t('exchange.requests.title')}</h2>
      <p className="hint">{t('exchange.requests.intro')}</p>
      <table className="data-table exchange-table" data-testid="exchange-requests">
        <ColumnHeads
          columns={(['case', 'decision', 'answer'] as const).map((key) => requests(key))}
        />
        <tbody>
          {value.requests.map((r) => (
            <tr key={r.id}>
              <td>
                {r.assetTag}
                <span className="exchange-sub">{r.station.name}</span>
              </td>
              <td>
                <Decision request={r} />
                <span className="exchange-sub">
                  {r.requestedBy} · {formatDateTime(r.requestedAt)}
                </span>
              </td>
              <td>
                {r.outcome === null
                  ? t('exchange.requests.waiting')
                  : r.outcome === 'applied'
                    ? t('exchange.requests.applied', { at: formatDateTime(r.answeredAt) })
                    : t('exchange.requests.refused', { reason: refusalSentence(t, r) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Decision({ request }: { request: CaseRequest }) {
  const { t } = useTranslation();
  if (request.kind === 'assign') {
    return (
      <>
        {request.assigneeStaffId === null
          ? t('exchange.requests.unassign')
          : t('exchange.requests.assign', { staffId: request.assigneeStaffId })}
      </>
    );
  }
  if (request.kind === 'recheck') {
    return <>{t('exchange.requests.recheck', { at: formatDateTime(request.recheckAt) })}</>;
  }
  return (
    <>
      {t('exchange.requests.move', {
        state: t(`cases.state.${(request.target ?? 'at_risk') as CaseState}`),
      })}
    </>
  );
}
