import { useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { wholeNumberOf } from '../settings/WholeNumberField';

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

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = wholeNumberOf(minutes);
    if (value === undefined) {
      setError({
        code: 'invalid_input',
        message: t('settings.notWholeNumber', { field: t('board.stations.threshold') }),
      });
      return;
    }
    setError(undefined);
    void call('board.setStationSilence', { minutes: value }).then((result) => {
      if (result.ok) onChanged();
      else setError(result.error);
    });
  };

  return (
    <>
      <Form className="board-station-threshold" onSubmit={submit}>
        <TextField
          className="board-station-threshold-field"
          value={minutes}
          onChange={setMinutes}
          isRequired
        >
          <Label className="field-label">{t('board.stations.threshold')}</Label>
          <Input className="text-input settings-number" inputMode="numeric" autoComplete="off" />
        </TextField>
        <span className="board-station-unit">{t('board.stations.minutes')}</span>
        <Button type="submit" className="button button-secondary">
          {t('board.stations.save')}
        </Button>
      </Form>
      {error ? <ErrorMessage error={error} /> : null}
    </>
  );
}
