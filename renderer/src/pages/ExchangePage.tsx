import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { AdvisoryConflictsPanel } from '../exchange/AdvisoryConflictsPanel';
import { BundleLists } from '../exchange/BundleLists';
import { EnrolmentPanel } from '../exchange/EnrolmentPanel';
import { FolderPanel } from '../exchange/FolderPanel';
import { HandedCasesPanel } from '../exchange/HandedCasesPanel';
import { RequestsPanel } from '../exchange/RequestsPanel';
import { StationIdentityPanel } from '../exchange/StationIdentityPanel';
import { StationsTable } from '../exchange/StationsTable';
import { useExchange } from '../exchange/use-exchange';
import { useMay } from '../inventory/use-may';
import '../styles/exchange.css';

/**
 * The station among the others: its identity and enrolment, the shared folder with its inbox and
 * outbox, the bundles held back or refused with the reasons, the last exchange per station, the
 * cases handed here that wait or whose sign-offs did not come with them, and the requests sent to
 * the stations holding cases with their answers, and the advisories another station holds as a
 * different document.
 */
export function ExchangePage() {
  const { t } = useTranslation();
  const view = useExchange(useMay('exchange.status'));
  const { station, exchange } = view;
  const mayListRequests = useMay('requests.list');
  const enrolment = station ? <EnrolmentPanel station={station} onChanged={view.reload} /> : null;
  // Enrolment comes first while this station is not enrolled, last once it is (a rare task). Its
  // place is kept while the page is open, so enrolling does not move it and lose its notice.
  const [enrolmentFirst, setEnrolmentFirst] = useState<boolean>();
  if (station && enrolmentFirst === undefined) setEnrolmentFirst(!station.enrolled);
  return (
    <div className="exchange-page">
      <PageHeading title={t('exchange.title')} intro={t('exchange.intro')} />
      {view.error ? <ErrorMessage error={view.error} onRetry={view.reload} /> : null}
      {!station && !view.error ? <p className="loading-text">{t('exchange.loading')}</p> : null}
      {station ? (
        <>
          <StationIdentityPanel station={station} onChanged={view.reload} />
          {enrolmentFirst ? enrolment : null}
          {exchange && station.initialised ? (
            <FolderPanel key={exchange.folder ?? ''} exchange={exchange} onStatus={view.show} />
          ) : null}
          <StationsTable
            station={station}
            stations={view.stations}
            exchange={exchange}
            onChanged={view.reload}
          />
          {exchange ? <HandedCasesPanel exchange={exchange} /> : null}
          {exchange ? <AdvisoryConflictsPanel exchange={exchange} /> : null}
          {mayListRequests ? <RequestsPanel reloadKey={exchange} /> : null}
          {exchange ? <BundleLists exchange={exchange} /> : null}
          {enrolmentFirst ? null : enrolment}
        </>
      ) : null}
    </div>
  );
}
