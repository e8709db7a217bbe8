import { useEffect, useReducer, useState } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../electron/api/domains/board';
import { caseStates } from '../../../electron/api/domains/cases';
import type { IncidentSummary } from '../../../electron/api/domains/incidents';
import { call, type ApiError } from '../api/client';
import { incidentCaseHref } from '../cases/hash-path';
import { formatDateTime } from '../cases/time-format';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSession } from '../session/session-context';
import { AddDeviceForm } from './AddDeviceForm';
import { CloseIncidentForm } from './CloseIncidentForm';
import { IncidentCaseList } from './IncidentCaseList';

const caseLimit = 500;

/**
 * One incident: its advisories and commander, counts per state, its cases over the facility (the
 * ones the counts count, each with its station), and closing it.
 */
export function IncidentDetail({ incidentId }: { incidentId: number }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const role = status?.role;
  const [incident, setIncident] = useState<IncidentSummary>();
  const [cases, setCases] = useState<BoardRow[]>();
  const [error, setError] = useState<ApiError>();

  const [reloads, load] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    let live = true;
    void Promise.all([
      call('incidents.get', { id: incidentId }),
      call('incidents.cases', { id: incidentId, limit: caseLimit }),
    ]).then(([got, list]) => {
      if (!live) return;
      if (!got.ok) return setError(got.error);
      if (!list.ok) return setError(list.error);
      setError(undefined);
      setIncident(got.value);
      setCases(list.value.cases);
    });
    return () => {
      live = false;
    };
  }, [incidentId, reloads]);

  if (error && !incident) {
    return (
      <>
        <Link className="back-link" href="#/incidents">
          {t('cases.incidents.back')}
        </Link>
        <ErrorMessage error={error} onRetry={load} />
      </>
    );
  }
  if (!incident || !cases) return <p className="loading-text">{t('cases.incidents.loading')}</p>;

  const counts = caseStates.filter((s) => incident.countsByState[s] > 0);
  return (
    <div className="incident-detail">
      <Link className="back-link" href="#/incidents">
        {t('cases.incidents.back')}
      </Link>
      <div className="page-heading">
        <h1 tabIndex={-1}>{incident.name}</h1>
        <p className="page-intro">
          {t('cases.incidents.detailLine', {
            commander: incident.commander.name,
            start: formatDateTime(incident.operationalPeriod.start),
            end: formatDateTime(incident.operationalPeriod.end),
          })}
        </p>
      </div>
      <p className="incident-meta">
        <span className={`incident-status incident-${incident.status}`}>
          {t(`cases.incidents.status.${incident.status}`)}
          {incident.closedAt
            ? ` — ${t('cases.incidents.closedAt', { at: formatDateTime(incident.closedAt) })}`
            : null}
        </span>
        {' · '}
        {incident.advisories
          .map((a) =>
            t('cases.incidents.advisoryRef', { trackingId: a.trackingId, version: a.version }),
          )
          .join(' · ')}
      </p>
      {incident.summary ? <p className="incident-summary">{incident.summary}</p> : null}
      <dl className="state-counts" aria-label={t('cases.incidents.countsLabel')}>
        <div className="state-count">
          <dt>{t('cases.incidents.total')}</dt>
          <dd>{incident.caseCount}</dd>
        </div>
        {counts.map((s) => (
          <div key={s} className="state-count" data-state={s}>
            <dt>{t(`cases.state.${s}`)}</dt>
            <dd>{incident.countsByState[s]}</dd>
          </div>
        ))}
      </dl>
      {error ? <ErrorMessage error={error} /> : null}
      {cases.length > 0 ? (
        <IncidentCaseList
          cases={cases}
          hrefOf={(c) => incidentCaseHref(incident.id, c.caseId)}
          label={t('cases.incidents.casesLabel')}
        />
      ) : (
        <p>{t('cases.incidents.noCases')}</p>
      )}
      {incident.status === 'open' &&
      (role === 'incident_commander' || role === 'biomed' || role === 'it_security') ? (
        <AddDeviceForm incident={incident} onAdded={load} />
      ) : null}
      {incident.status === 'open' && role === 'incident_commander' ? (
        <CloseIncidentForm incident={incident} onClosed={setIncident} />
      ) : null}
    </div>
  );
}
