import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BoardFilters, BoardView } from '../../../electron/api/domains/board';
import {
  caseStates,
  hics251Statuses,
  type CaseState,
  type Hics251Status,
} from '../../../electron/api/domains/cases';
import { isFiltered, withFilter } from './board-query';

interface Props {
  view: BoardView;
  filters: BoardFilters;
  onFilters(filters: BoardFilters): void;
}

/**
 * The counts of the whole incident, per state and per HICS 251 status. Each count is a toggle
 * that filters the list to it; states with no case are left out unless chosen, to keep the strip
 * short under stress.
 */
export function CountsStrip({ view, filters, onFilters }: Props) {
  const { t } = useTranslation();
  const narrowed = isFiltered(filters);
  const chosenStates: readonly CaseState[] = filters.states ?? [];
  const chosenHics: readonly Hics251Status[] = filters.hics251 ?? [];
  const states = caseStates.filter((s) => view.countsByState[s] > 0 || chosenStates.includes(s));

  return (
    <div className="board-counts">
      <section className="board-count-group" aria-labelledby="board-counts-state">
        <h2 id="board-counts-state" className="board-group-title">
          {t('board.counts.byState')}
          <span className="board-count-total">
            {t('board.counts.total', { count: view.totalCases })}
          </span>
        </h2>
        <div className="board-count-list">
          {states.map((state) => (
            <CountToggle
              key={state}
              group="state"
              value={state}
              label={t(`cases.state.${state}`)}
              count={view.countsByState[state]}
              matching={narrowed ? view.filteredCountsByState[state] : undefined}
              isSelected={chosenStates.includes(state)}
              onChange={(on) =>
                onFilters(withFilter(filters, 'states', toggled(chosenStates, state, on)))
              }
            />
          ))}
        </div>
      </section>
      <section className="board-count-group" aria-labelledby="board-counts-hics">
        <h2 id="board-counts-hics" className="board-group-title">
          {t('board.counts.byHics')}
        </h2>
        <div className="board-count-list">
          {hics251Statuses.map((status) => (
            <CountToggle
              key={status}
              group="hics"
              value={status}
              label={t(`board.hics.${status}`)}
              count={view.countsByHics251[status]}
              matching={narrowed ? view.filteredCountsByHics251[status] : undefined}
              isSelected={chosenHics.includes(status)}
              onChange={(on) =>
                onFilters(withFilter(filters, 'hics251', toggled(chosenHics, status, on)))
              }
            />
          ))}
        </div>
      </section>
    </div>
  );
}

/** The list with `item` added (on) or taken out (off). */
function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

interface CountProps {
  group: 'state' | 'hics';
  /** The state or the HICS 251 status counted. */
  value: string;
  label: string;
  count: number;
  /** How many of them the filters match, while the list is filtered; said when it differs. */
  matching: number | undefined;
  isSelected: boolean;
  onChange(on: boolean): void;
}

/** One count, a toggle that filters the list to it. */
function CountToggle({ group, value, label, count, matching, isSelected, onChange }: CountProps) {
  const { t } = useTranslation();
  const colour = group === 'state' ? `board-state-${value}` : `board-hics-${value}`;
  return (
    <ToggleButton
      className={`board-count board-count-${group} ${colour}`}
      isSelected={isSelected}
      onChange={onChange}
      data-testid={`count-${group}-${value}`}
    >
      <span className="board-count-number">{count}</span>
      <span className="board-count-label">{label}</span>
      {matching !== undefined && matching !== count ? (
        <span className="board-count-matching">
          {t('board.counts.matching', { count: matching })}
        </span>
      ) : null}
    </ToggleButton>
  );
}
