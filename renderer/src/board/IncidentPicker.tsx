import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../electron/api/domains/incidents';

interface Props {
  incidents: IncidentSummary[];
  incidentId: number;
  onChange(id: number): void;
}

/** Which incident the board shows: open ones first, the newest by default. */
export function IncidentPicker({ incidents, incidentId, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      className="filter-select board-incident-picker"
      selectedKey={incidentId}
      onSelectionChange={(key) => {
        if (key !== null) onChange(Number(key));
      }}
    >
      <Label className="field-label">{t('board.incident.label')}</Label>
      <Button className="select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-arrow">
          ▾
        </span>
      </Button>
      <Popover className="select-popover">
        <ListBox className="select-list" items={incidents}>
          {(incident) => {
            const label = t(
              incident.status === 'open' ? 'board.incident.open' : 'board.incident.closed',
              { name: incident.name, count: incident.caseCount },
            );
            return (
              <ListBoxItem id={incident.id} className="select-option" textValue={label}>
                {label}
              </ListBoxItem>
            );
          }}
        </ListBox>
      </Popover>
    </Select>
  );
}
