import { useTranslation } from 'react-i18next';
import { openedCaseId } from '../cases/CaseInPlace';
import { CasePage } from '../cases/CasePage';
import { idFromSegment, incidentHref, useHashPath } from '../cases/hash-path';
import { IncidentDetail } from '../incidents/IncidentDetail';
import { IncidentsOverview } from '../incidents/IncidentsOverview';
import '../styles/cases.css';

/**
 * `#/incidents`, `#/incidents/new[/<advisoryId>]` (the form, from an advisory's page),
 * `#/incidents/<id>`, `#/incidents/<id>/case/<caseId>`.
 */
export function IncidentsPage() {
  const { t } = useTranslation();
  const path = useHashPath();
  const incidentId = idFromSegment(path[0]);
  const caseId = openedCaseId(path, 1);
  if (incidentId !== undefined && caseId !== undefined) {
    return (
      <CasePage
        key={caseId}
        caseId={caseId}
        backHref={incidentHref(incidentId)}
        backLabel={t('cases.incidents.backToIncident')}
      />
    );
  }
  if (incidentId !== undefined) return <IncidentDetail key={incidentId} incidentId={incidentId} />;
  if (path[0] === 'new') {
    const advisoryId = idFromSegment(path[1]);
    return <IncidentsOverview key={`new-${advisoryId ?? ''}`} create={{ advisoryId }} />;
  }
  return <IncidentsOverview />;
}
