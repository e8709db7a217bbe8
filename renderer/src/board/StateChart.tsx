import { useTranslation } from 'react-i18next';
import type { BoardTimelinePoint } from '../../../electron/api/domains/board';
import { caseStates, type CaseState } from '../../../electron/api/domains/cases';
import { useCall } from '../api/use-call';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../cases/time-format';

/** At most this many bars: one per change would be unreadable (and slow) for a big incident. */
const maxBars = 80;
const width = 640;
const height = 120;

/** Evenly spaced points, always the first and the last (now). */
function sample(points: BoardTimelinePoint[]): BoardTimelinePoint[] {
  if (points.length <= maxBars) return points;
  const step = (points.length - 1) / (maxBars - 1);
  return Array.from({ length: maxBars }, (_, i) => points[Math.round(i * step)]).filter(
    (p): p is BoardTimelinePoint => p !== undefined,
  );
}

const total = (p: BoardTimelinePoint) => caseStates.reduce((sum, s) => sum + p.countsByState[s], 0);

/**
 * The state counts over time (from the case history), as stacked bars in plain SVG: one bar per
 * change, coloured by state. A table with the same numbers is one click away for screen readers
 * and for anyone who prefers numbers.
 */
export function StateChart({ incidentId, reloadKey }: { incidentId: number; reloadKey: number }) {
  const { t } = useTranslation();
  const { value: timeline, error } = useCall('board.timeline', { incidentId }, reloadKey);

  if (error) return <ErrorMessage error={error} />;
  if (!timeline || timeline.points.length === 0) return null;
  const points = sample(timeline.points);
  const used: CaseState[] = caseStates.filter((s) => points.some((p) => p.countsByState[s] > 0));
  const most = Math.max(1, ...points.map(total));
  const barWidth = width / points.length;
  const last = points.at(-1);
  const summary = last
    ? used.map((s) => `${last.countsByState[s]} ${t(`cases.state.${s}`)}`).join(', ')
    : '';

  return (
    <section className="board-chart" aria-labelledby="board-chart-title">
      <h2 id="board-chart-title" className="board-group-title">
        {t('board.chart.title')}
      </h2>
      <svg
        className="board-chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('board.chart.summary', {
          changes: timeline.points.length,
          from: formatDateTime(timeline.points[0]?.at),
          now: summary,
        })}
      >
        {points.map((point, i) => {
          let y = height;
          return (
            <g key={`${point.at}-${i}`}>
              {used.map((state) => {
                const h = (point.countsByState[state] / most) * (height - 4);
                y -= h;
                return h > 0 ? (
                  <rect
                    key={state}
                    className={`board-fill-${state}`}
                    x={i * barWidth}
                    y={y}
                    width={Math.max(1, barWidth - 1)}
                    height={h}
                  />
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <div className="board-chart-axis" aria-hidden="true">
        <span>{formatDateTime(points[0]?.at)}</span>
        <span>{formatDateTime(last?.at)}</span>
      </div>
      <ul className="board-chart-legend" aria-hidden="true">
        {used.map((state) => (
          <li key={state}>
            <span className={`board-swatch board-fill-${state}`} />
            {t(`cases.state.${state}`)}
          </li>
        ))}
      </ul>
      <details className="board-chart-table">
        <summary>{t('board.chart.asTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('board.chart.at')}</th>
              {used.map((s) => (
                <th key={s} scope="col">
                  {t(`cases.state.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={`${p.at}-${i}`}>
                <th scope="row">{formatDateTime(p.at)}</th>
                {used.map((s) => (
                  <td key={s}>{p.countsByState[s]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
