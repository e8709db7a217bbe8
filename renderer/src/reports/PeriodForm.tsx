import { useState, type FormEvent } from 'react';
import { Button, Form, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isoToLocalInput, localInputToIso } from '../cases/time-format';
import type { Period } from './use-report';
import { TimeInput } from '../components/TimeInput';

interface Props {
  /** The period the report shows now (the incident's own until another is chosen). */
  shown: Period;
  chosen: boolean;
  onChange(period: Period | undefined): void;
}

/** Choose the operational period a report covers; back to the incident's own in one press. */
export function PeriodForm({ shown, chosen, onChange }: Props) {
  const { t } = useTranslation();
  const [start, setStart] = useState(isoToLocalInput(shown.start));
  const [end, setEnd] = useState(isoToLocalInput(shown.end));
  const startIso = localInputToIso(start);
  const endIso = localInputToIso(end);
  const valid = startIso !== null && endIso !== null && Date.parse(startIso) < Date.parse(endIso);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (valid && startIso && endIso) onChange({ start: startIso, end: endIso });
  };
  return (
    <Form
      className="report-period-form"
      onSubmit={submit}
      aria-label={t('board.reports.periodForm')}
    >
      <TextField className="board-field" value={start} onChange={setStart}>
        <Label className="field-label">{t('board.reports.periodStart')}</Label>
        <TimeInput value={start} />
      </TextField>
      <TextField className="board-field" value={end} onChange={setEnd}>
        <Label className="field-label">{t('board.reports.periodEnd')}</Label>
        <TimeInput value={end} />
      </TextField>
      <Button type="submit" className="button button-secondary" isDisabled={!valid}>
        {t('board.reports.periodApply')}
      </Button>
      {chosen ? (
        <Button className="button button-secondary" onPress={() => onChange(undefined)}>
          {t('board.reports.periodReset')}
        </Button>
      ) : null}
    </Form>
  );
}
