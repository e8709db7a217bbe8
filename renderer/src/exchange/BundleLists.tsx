import { useTranslation } from 'react-i18next';
import type { BundleImportOutcome, ExchangeStatus } from '../../../electron/api/domains/exchange';
import { formatDateTime } from '../cases/time-format';
import { ColumnHeads } from '../components/ColumnHeads';
import { outcomeReason } from './bundle-words';

const kilobytes = (bytes: number) => Math.max(1, Math.round(bytes / 1024));
const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** What the station found in the folder and wrote there, and what it holds back or refused. */
export function BundleLists({ exchange }: { exchange: ExchangeStatus }) {
  const { t } = useTranslation();
  const { t: inbox } = useTranslation(undefined, { keyPrefix: 'exchange.inbox' });
  return (
    <>
      {exchange.folder ? (
        <section className="panel" aria-labelledby="exchange-inbox-title">
          <h2 id="exchange-inbox-title">{t('exchange.inbox.title')}</h2>
          {exchange.inbox.length === 0 ? (
            <p>{t('exchange.inbox.empty')}</p>
          ) : (
            <table className="data-table exchange-table">
              <ColumnHeads
                columns={(['file', 'station', 'outcome'] as const).map((key) => inbox(key))}
              />
              <tbody>
                {exchange.inbox.map((b) => (
                  <tr key={b.fileName}>
                    <td className="path">
                      {b.fileName}
                      <span className="exchange-sub">
                        {t('exchange.size', { kb: kilobytes(b.bytes) })} ·{' '}
                        {formatDateTime(b.modifiedAt)}
                      </span>
                    </td>
                    <td>{b.outcome?.stationName ?? '—'}</td>
                    <td>
                      {b.outcome ? <Outcome outcome={b.outcome} /> : t('exchange.inbox.unread')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2 id="exchange-outbox-title">{t('exchange.outbox.title')}</h2>
          {exchange.outbox.length === 0 ? (
            <p>{t('exchange.outbox.empty')}</p>
          ) : (
            <ul className="exchange-list" aria-labelledby="exchange-outbox-title">
              {exchange.outbox.map((b) => (
                <li key={b.fileName}>
                  <span className="path">{b.fileName}</span>{' '}
                  {t('exchange.outbox.line', {
                    from: b.fromId + 1,
                    head: b.headId,
                    at: formatDateTime(b.writtenAt),
                    kb: kilobytes(b.bytes),
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section className="panel" aria-labelledby="exchange-problems-title">
        <h2 id="exchange-problems-title">{t('exchange.problems.title')}</h2>
        {exchange.held.length === 0 && exchange.refused.length === 0 ? (
          <p>{t('exchange.problems.none')}</p>
        ) : (
          <ul className="exchange-list">
            {[...exchange.held, ...exchange.refused].map((o) => (
              <li key={o.file}>
                <span className="path">{baseName(o.file)}</span>: <Outcome outcome={o} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/**
 * The outcome in words, with the reason for a held or refused bundle in the station's language,
 * and what the system said behind Details.
 */
function Outcome({ outcome }: { outcome: BundleImportOutcome }) {
  const { t } = useTranslation();
  const bad = outcome.status === 'refused' || outcome.status === 'not_a_bundle';
  const word =
    outcome.status === 'applied'
      ? t('exchange.outcome.applied', { count: outcome.applied })
      : t(`exchange.outcome.${outcome.status}`);
  const reason = outcome.status === 'already_had' ? '' : outcomeReason(t, outcome);
  return (
    <>
      <span className={bad ? 'check-bad' : outcome.status === 'held' ? 'check-warn' : undefined}>
        {word}
        {outcome.step && bad ? ` (${t(`exchange.step.${outcome.step}`)})` : ''}
        {reason ? `: ${reason}` : ''}
      </span>
      {outcome.technical ? (
        <details className="error-details">
          <summary>{t('errors.details')}</summary>
          <p className="error-code">{outcome.technical}</p>
        </details>
      ) : null}
    </>
  );
}
