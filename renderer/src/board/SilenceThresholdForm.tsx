import { useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { FieldProblem } from '../components/FieldProblem';
import { isAboutFields, problemAt } from '../components/error-words';
import { useMissing } from '../components/use-missing';
import { wholeNumberOf, wholeNumberProblem } from '../settings/WholeNumberField';

interface Props {
  /** The threshold now in force. */
  minutes: number;
  onChanged(): void;
}

/** The commander's threshold: after how many silent minutes a station is flagged. */
export function SilenceThresholdForm({ minutes: current, onChanged }: Props) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(String(current));
  const [error, setError] = useState<ApiError>();
  const missing = useMissing({ minutes: wholeNumberProblem(t, minutes) });
  const problem = problemAt(t, error, 'minutes') ?? missing.at('minutes');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    const value = wholeNumberOf(minutes);
    if (!missing.submitted() || value === undefined) return;
    void call('board.setStationSilence', { minutes: value }).then((result) => {
      if (result.ok) onChanged();
      else setError(result.error);
    });
  };

  return (
    <>
      <Form className="board-station-threshold" onSubmit={submit} validationBehavior="aria">
        <TextField
          className="board-station-threshold-field"
          value={minutes}
          onChange={setMinutes}
          isRequired
          isInvalid={Boolean(problem)}
        >
          <Label className="field-label">{t('board.stations.threshold')}</Label>
          <Input className="text-input settings-number" inputMode="numeric" autoComplete="off" />
          <FieldProblem problem={problem} />
        </TextField>
        <span className="board-station-unit">{t('board.stations.minutes')}</span>
        <Button type="submit" className="button button-secondary">
          {t('board.stations.save')}
        </Button>
      </Form>
      {error && !isAboutFields(error, ['minutes']) ? <ErrorMessage error={error} /> : null}
    </>
  );
}
