import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../cases/time-format';
import { useMay } from '../inventory/use-may';
import type { BoardPartProps } from './board-part';
import { SilenceThresholdForm } from './SilenceThresholdForm';

/**
 * The facility's stations and when each was last heard from; a station silent for longer than
 * the commander's threshold is flagged, since nothing it recorded since is on this board.
 */
export function StationsStrip({ view, onChanged }: BoardPartProps) {
  const { t } = useTranslation();
  const maySet = useMay('board.setStationSilence');
  if (view.stations.length <= 1) return null;

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
        <SilenceThresholdForm minutes={view.silenceThresholdMinutes} onChanged={onChanged} />
      ) : null}
    </section>
  );
}
