import { useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BoardView } from '../../../electron/api/domains/board';
import { call, type ApiError } from '../api/client';
import { formatDateTime } from '../cases/time-format';
import { ErrorMessage } from '../components/ErrorMessage';
import { useMay } from '../inventory/use-may';
import { wholeNumberOf } from '../settings/WholeNumberField';

interface Props {
  view: BoardView;
  onChanged(): void;
}

/**
 * The facility's stations and when each was last heard from; a station silent for longer than
 * the commander's threshold is flagged, since nothing it recorded since is on this board.
 */
export function StationsStrip({ view, onChanged }: Props) {
  const { t } = useTranslation();
  const maySet = useMay('board.setStationSilence');
  const [minutes, setMinutes] = useState(String(view.silenceThresholdMinutes));
  const [error, setError] = useState<ApiError>();
  if (view.stations.length <= 1) return null;

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
    <section className="board-stations" aria-label={t('board.stations.label')}>
      <ul className="board-station-list">
        {view.stations.map((s) => (
          <li
            key={s.id}
            className={s.silent ? 'board-station board-station-silent' : 'board-station'}
            data-testid="board-station"
          >
            {s.here
              ? t('board.stations.here', { name: s.name })
              : s.revoked
                ? t('board.stations.revoked', { name: s.name })
                : s.lastHeardFrom
                  ? t('board.stations.heardAt', {
                      name: s.name,
                      at: formatDateTime(s.lastHeardFrom),
                    })
                  : t('board.stations.never', { name: s.name })}
            {s.silent ? (
              <strong className="board-station-flag">
                {' '}
                ⚑ {t('board.stations.silent', { minutes: view.silenceThresholdMinutes })}
              </strong>
            ) : null}
          </li>
        ))}
      </ul>
      {maySet ? (
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
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
