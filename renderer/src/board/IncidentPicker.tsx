import { useTranslation } from 'react-i18next';
import { SelectField } from '../components/SelectField';
import type { IncidentSummary } from '../../../electron/api/domains/incidents';

interface Props {
  incidents: IncidentSummary[];
  incidentId: number;
  onChange(id: number): void;
}

/** Which incident the board shows: open ones first, the newest by default. */
export function IncidentPicker({ incidents, incidentId, onChange }: Props) {
  const { t } = useTranslation();
  const options = incidents.map((incident) => ({
    key: String(incident.id),
    label: t(incident.status === 'open' ? 'board.incident.open' : 'board.incident.closed', {
      name: incident.name,
      count: incident.caseCount,
    }),
  }));
  return (
    <SelectField
      className="filter-select board-incident-picker"
      label={t('board.incident.label')}
      options={options}
      value={String(incidentId)}
      onChange={(key) => onChange(Number(key))}
    />
  );
}
