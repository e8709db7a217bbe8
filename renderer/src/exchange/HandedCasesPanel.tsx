import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeStatus } from '../../../electron/api/domains/exchange';
import { boardCaseHref } from '../board/board-hrefs';
import { formatDateTime } from '../cases/time-format';

/** One of the panel's two lists, under its heading and what it holds. */
function HandedList({ list, children }: { list: 'waiting' | 'uncarried'; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 id={`exchange-${list}-title`}>{t(`exchange.handed.${list}Title`)}</h3>
      <p className="hint">{t(`exchange.handed.${list}Intro`)}</p>
      <ul
        className="exchange-list"
        aria-labelledby={`exchange-${list}-title`}
        data-testid={`exchange-${list}`}
      >
        {children}
      </ul>
    </>
  );
}

/**
 * Cases other stations handed to this one: those that wait for something here (what, and what
 * would release them), and those opened here whose sign-offs given there do not count here.
 * Nothing shows while there is neither.
 */
export function HandedCasesPanel({ exchange }: { exchange: ExchangeStatus }) {
  const { t } = useTranslation();
  const { waitingCases, signoffsNotCarried } = exchange;
  if (waitingCases.length === 0 && signoffsNotCarried.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="exchange-handed-title">
      <h2 id="exchange-handed-title">{t('exchange.handed.title')}</h2>
      {waitingCases.length > 0 ? (
        <HandedList list="waiting">
          {waitingCases.map((w) => {
            const names = { assetTag: w.assetTag, trackingId: w.trackingId };
            return (
              <li key={`${w.fromStationId}:${w.caseId}`}>
                <strong>
                  {t('exchange.handed.caseFrom', { ...names, station: w.fromStationName })}
                </strong>
                <span className="exchange-sub-line">
                  {t(`exchange.handed.reason.${w.reasonCode}`, names)}
                </span>
                <span className="exchange-sub-line">
                  {t(`exchange.handed.release.${w.reasonCode}`, names)}
                </span>
              </li>
            );
          })}
        </HandedList>
      ) : null}
      {signoffsNotCarried.length > 0 ? (
        <HandedList list="uncarried">
          {signoffsNotCarried.map((r) => (
            <li key={r.caseId}>
              <a href={boardCaseHref(r.caseId)}>
                {t('exchange.handed.caseFrom', {
                  assetTag: r.assetTag,
                  trackingId: r.trackingId,
                  station: r.fromStationName,
                })}
              </a>{' '}
              <span className="exchange-sub">
                {t('exchange.handed.receivedAt', { at: formatDateTime(r.receivedAt) })}
              </span>
              {r.signoffsNotCarried.map((s) => (
                <span className="exchange-sub-line" key={`${s.kind}:${s.name}`}>
                  {t('exchange.handed.notCarried', {
                    kind: t(`people.sign.kinds.${s.kind}`, { defaultValue: s.kind }),
                    name: s.name,
                  })}
                </span>
              ))}
            </li>
          ))}
        </HandedList>
      ) : null}
    </section>
  );
}
