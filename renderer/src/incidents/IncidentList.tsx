import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../electron/api/domains/incidents';
import { incidentHref } from '../cases/hash-path';
import { formatDateTime } from '../cases/time-format';

/** Every incident, newest first, each a large link with its counts. */
export function IncidentList({ incidents }: { incidents: IncidentSummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="incident-list" aria-label={t('cases.incidents.listLabel')}>
      {incidents.map((incident) => (
        <li key={incident.id}>
          <Link className="incident-card" href={incidentHref(incident.id)}>
            <span className="incident-card-name">{incident.name}</span>
            <span className={`incident-status incident-${incident.status}`}>
              {t(`cases.incidents.status.${incident.status}`)}
            </span>
            <span className="incident-card-line">
              {t('cases.incidents.cardLine', {
                advisories: incident.advisories.map((a) => a.trackingId).join(', '),
                commander: incident.commander.name,
                start: formatDateTime(incident.operationalPeriod.start),
              })}
            </span>
            <span className="incident-card-line">
              {t('cases.incidents.caseCounts', {
                count: incident.caseCount,
                open: incident.openCaseCount,
              })}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
