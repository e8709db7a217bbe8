import type { TFunction } from 'i18next';
import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  boardSortKeys,
  type BoardFacetValue,
  type BoardFacets,
  type BoardSortKey,
} from '../../../electron/api/domains/board';
import type { CaseState } from '../../../electron/api/domains/cases';
import { SelectField } from '../components/SelectField';
import { FilterSelect, type FilterOption } from '../devices/FilterSelect';
import { textFilterKeys, withFilter, type BoardQuery } from './board-query';

interface Props {
  facets: BoardFacets;
  query: BoardQuery;
  onQuery(query: BoardQuery): void;
}

/** The key of the "no one assigned" choice of the assignee filter. */
const unassignedKey = 'unassigned';

function options<V extends string | number>(values: BoardFacetValue<V>[]): FilterOption[] {
  return values.map((v) => ({ key: String(v.value), label: `${v.label} (${v.count})` }));
}

/** Time keys: an alphabetical "A → Z" would not say which end comes first. */
const timeKeys: readonly BoardSortKey[] = ['stateEnteredAt', 'recheckAt', 'updatedAt'];

/** The order button says what comes first in terms of the key: "Highest first" for priority. */
function directionLabel(t: TFunction, sort: BoardQuery['sort']): string {
  const desc = sort.direction === 'desc';
  if (sort.key === 'priority')
    return desc ? t('board.sort.priorityDesc') : t('board.sort.priorityAsc');
  if (timeKeys.includes(sort.key)) return desc ? t('board.sort.timeDesc') : t('board.sort.timeAsc');
  return desc ? t('board.sort.desc') : t('board.sort.asc');
}

/** Filters (from the facets the board returns, with their counts) and the order of the list. */
export function BoardFilterBar({ facets, query, onQuery }: Props) {
  const { t } = useTranslation();
  const { filters, sort } = query;
  const setFilters = (next: BoardQuery['filters']) => onQuery({ ...query, filters: next });

  const one = <T,>(list: readonly T[] | undefined) => (list?.length === 1 ? list[0] : undefined);
  const assigneeValue = filters.unassigned
    ? unassignedKey
    : one(filters.assigneeUserIds)?.toString();

  return (
    <div className="board-filters" role="group" aria-label={t('board.filters.label')}>
      {textFilterKeys.map((key) => (
        <FilterSelect
          key={key}
          label={t(`board.filters.${key}`)}
          options={options(facets[key])}
          value={one(filters[key])}
          onChange={(value) => setFilters(withFilter(filters, key, value ? [value] : undefined))}
        />
      ))}
      <FilterSelect
        label={t('board.filters.states')}
        options={facets.states
          .filter((s) => s.count > 0)
          .map((s) => ({ key: s.value, label: `${t(`cases.state.${s.value}`)} (${s.count})` }))}
        value={one(filters.states)}
        onChange={(value) =>
          setFilters(withFilter(filters, 'states', value ? [value as CaseState] : undefined))
        }
      />
      <FilterSelect
        label={t('board.filters.assignee')}
        options={[
          ...options(facets.assignees),
          {
            key: unassignedKey,
            label: t('board.filters.unassigned', { count: facets.unassigned }),
          },
        ]}
        value={assigneeValue}
        onChange={(value) => {
          const cleared = withFilter(
            withFilter(filters, 'unassigned', undefined),
            'assigneeUserIds',
            undefined,
          );
          if (value === undefined) return setFilters(cleared);
          if (value === unassignedKey) return setFilters(withFilter(cleared, 'unassigned', true));
          setFilters(withFilter(cleared, 'assigneeUserIds', [Number(value)]));
        }}
      />
      <FilterSelect
        label={t('board.filters.advisory')}
        options={options(facets.advisories)}
        value={one(filters.advisoryIds)?.toString()}
        onChange={(value) =>
          setFilters(withFilter(filters, 'advisoryIds', value ? [Number(value)] : undefined))
        }
      />
      <div className="board-sort">
        <SelectField
          label={t('board.sort.label')}
          options={boardSortKeys.map((key) => ({ key, label: t(`board.sort.keys.${key}`) }))}
          value={sort.key}
          onChange={(key) =>
            // Priority reads highest first; the other keys keep the order chosen.
            onQuery({
              ...query,
              sort: {
                key: key as BoardSortKey,
                direction: key === 'priority' ? 'desc' : sort.direction,
              },
            })
          }
        />
        <ToggleButton
          className="button button-secondary board-sort-direction"
          isSelected={sort.direction === 'desc'}
          onChange={(desc) =>
            onQuery({ ...query, sort: { ...sort, direction: desc ? 'desc' : 'asc' } })
          }
        >
          {directionLabel(t, sort)}
        </ToggleButton>
      </div>
    </div>
  );
}
