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

  const toggleState = (state: CaseState, on: boolean) => {
    const next = on ? [...chosenStates, state] : chosenStates.filter((s) => s !== state);
    onFilters(withFilter(filters, 'states', next));
  };
  const toggleHics = (status: Hics251Status, on: boolean) => {
    const next = on ? [...chosenHics, status] : chosenHics.filter((s) => s !== status);
    onFilters(withFilter(filters, 'hics251', next));
  };

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
            <ToggleButton
              key={state}
              className={`board-count board-count-state board-state-${state}`}
              isSelected={chosenStates.includes(state)}
              onChange={(on) => toggleState(state, on)}
              data-testid={`count-state-${state}`}
            >
              <span className="board-count-number">{view.countsByState[state]}</span>
              <span className="board-count-label">{t(`cases.state.${state}`)}</span>
              {narrowed && view.filteredCountsByState[state] !== view.countsByState[state] ? (
                <span className="board-count-matching">
                  {t('board.counts.matching', { count: view.filteredCountsByState[state] })}
                </span>
              ) : null}
            </ToggleButton>
          ))}
        </div>
      </section>
      <section className="board-count-group" aria-labelledby="board-counts-hics">
        <h2 id="board-counts-hics" className="board-group-title">
          {t('board.counts.byHics')}
        </h2>
        <div className="board-count-list">
          {hics251Statuses.map((status) => (
            <ToggleButton
              key={status}
              className={`board-count board-count-hics board-hics-${status}`}
              isSelected={chosenHics.includes(status)}
              onChange={(on) => toggleHics(status, on)}
              data-testid={`count-hics-${status}`}
            >
              <span className="board-count-number">{view.countsByHics251[status]}</span>
              <span className="board-count-label">{t(`board.hics.${status}`)}</span>
              {narrowed && view.filteredCountsByHics251[status] !== view.countsByHics251[status] ? (
                <span className="board-count-matching">
                  {t('board.counts.matching', { count: view.filteredCountsByHics251[status] })}
                </span>
              ) : null}
            </ToggleButton>
          ))}
        </div>
      </section>
    </div>
  );
}
