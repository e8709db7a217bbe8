import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useMay } from '../inventory/use-may';
import type { BoardPartProps } from './board-part';

/**
 * Devices for which two stations opened a case: nothing is merged, so the commander chooses which
 * station holds each; until then both cases stay on the board.
 */
export function ConflictsNotice({ view, onChanged }: BoardPartProps) {
  const { t } = useTranslation();
  const mayChoose = useMay('conflicts.choose');
  const [error, setError] = useState<ApiError>();
  if (view.conflicts.length === 0) return null;
  const open = view.conflicts.filter((c) => c.decision === null).length;

  const choose = (assetTag: string, trackingId: string, stationId: string) => {
    setError(undefined);
    void call('conflicts.choose', { assetTag, trackingId, stationId }).then((result) => {
      if (result.ok) onChanged();
      else setError(result.error);
    });
  };

  return (
    <section
      className="board-conflicts notice notice-warning"
      aria-label={t('board.conflicts.label')}
      data-testid="board-conflicts"
    >
      <p>{t('board.conflicts.summary', { count: view.conflicts.length, open })}</p>
      <ul>
        {view.conflicts.map((c) => {
          const stations = [...new Map(c.cases.map((k) => [k.stationId, k.stationName]))];
          return (
            <li key={`${c.assetTag}/${c.trackingId}`}>
              {t('board.conflicts.pair', {
                assetTag: c.assetTag,
                trackingId: c.trackingId,
                stations: stations.map(([, name]) => name).join(', '),
              })}{' '}
              {c.decision ? (
                <strong>
                  {t('board.conflicts.decided', {
                    station: c.decision.stationName,
                    person: c.decision.decidedBy,
                  })}
                </strong>
              ) : null}
              {mayChoose
                ? stations
                    .filter(([id]) => id !== c.decision?.stationId)
                    .map(([id, name]) => (
                      <Button
                        key={id}
                        className="button button-secondary"
                        onPress={() => choose(c.assetTag, c.trackingId, id)}
                      >
                        {t('board.conflicts.choose', { station: name })}
                      </Button>
                    ))
                : null}
            </li>
          );
        })}
      </ul>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
