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
      <CountGroup
        group="state"
        title={t('board.counts.byState')}
        total={t('board.counts.total', { count: view.totalCases })}
        values={states}
        labelOf={(state) => t(`cases.state.${state}`)}
        counts={view.countsByState}
        matching={narrowed ? view.filteredCountsByState : undefined}
        chosen={chosenStates}
        onChosen={(chosen) => onFilters(withFilter(filters, 'states', chosen))}
      />
      <CountGroup
        group="hics"
        title={t('board.counts.byHics')}
        values={hics251Statuses}
        labelOf={(status) => t(`board.hics.${status}`)}
        counts={view.countsByHics251}
        matching={narrowed ? view.filteredCountsByHics251 : undefined}
        chosen={chosenHics}
        onChosen={(chosen) => onFilters(withFilter(filters, 'hics251', chosen))}
      />
    </div>
  );
}

interface GroupProps<T extends string> {
  group: 'state' | 'hics';
  title: string;
  /** Said after the title: the whole incident's count. */
  total?: string;
  /** The states or statuses shown, in order. */
  values: readonly T[];
  labelOf(value: T): string;
  counts: Record<T, number>;
  /** How many the filters match per value, while the list is filtered. */
  matching: Record<T, number> | undefined;
  chosen: readonly T[];
  onChosen(chosen: T[]): void;
}

/** One group of counts (per state, per HICS 251 status) under its heading. */
function CountGroup<T extends string>(props: GroupProps<T>) {
  const { group, title, total, values, counts, matching, chosen } = props;
  const headingId = `board-counts-${group}`;
  return (
    <section className="board-count-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="board-group-title">
        {title}
        {total ? <span className="board-count-total">{total}</span> : null}
      </h2>
      <div className="board-count-list">
        {values.map((value) => (
          <CountToggle
            key={value}
            group={group}
            value={value}
            label={props.labelOf(value)}
            count={counts[value]}
            matching={matching?.[value]}
            isSelected={chosen.includes(value)}
            onChange={(on) => props.onChosen(toggled(chosen, value, on))}
          />
        ))}
      </div>
    </section>
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
