import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { DeviceFacetValue } from '../../../electron/api';
import type { Language } from '../../../electron/api/languages';
import { formatDecimal } from '../../../electron/api/number-format';
import { useStationLanguage } from '../i18n/LocaleProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilterSelect, type FilterOption } from './FilterSelect';
import type { FilterOptions } from './use-filter-options';
import type { DeviceQuery } from './use-device-pages';

export type DeviceFilterValues = Omit<DeviceQuery, 'search'>;

interface Props {
  value: DeviceFilterValues;
  onChange(value: DeviceFilterValues): void;
  options: FilterOptions;
}

const toOptions = (
  values: readonly DeviceFacetValue[] | undefined,
  language: Language,
): FilterOption[] =>
  (values ?? []).map((v) => ({
    key: v.value,
    label: `${v.value} (${formatDecimal(v.count, language, 0)})`,
  }));

/** The inventory's facets offered as filters, in order, each with its label's key. */
const facetFilters = [
  ['vendor', 'vendor'],
  ['family', 'family'],
  ['department', 'department'],
  ['osName', 'os'],
] as const;

/** Narrow the table by vendor, family, department, operating system or matched advisory. */
export function DeviceFilters({ value, onChange, options }: Props) {
  const { t } = useTranslation();
  const language = useStationLanguage();
  const { facets, advisories, error } = options;
  const set = (patch: DeviceFilterValues) => onChange({ ...value, ...patch });
  const active = Object.values(value).some((v) => v !== undefined);
  return (
    <div className="device-filters" role="group" aria-label={t('inventory.filters.label')}>
      {facetFilters.map(([facet, word]) => (
        <FilterSelect
          key={facet}
          label={t(`inventory.filters.${word}`)}
          options={toOptions(facets?.[facet], language)}
          value={value[facet]}
          onChange={(chosen) => set({ [facet]: chosen })}
        />
      ))}
      <FilterSelect
        label={t('inventory.filters.advisory')}
        options={advisories.map((a) => ({
          key: String(a.id),
          label: t('inventory.filters.advisoryOption', {
            trackingId: a.trackingId,
            count: a.devicesMatched,
          }),
        }))}
        value={value.advisoryId === undefined ? undefined : String(value.advisoryId)}
        onChange={(id) => set({ advisoryId: id === undefined ? undefined : Number(id) })}
      />
      {active ? (
        <Button className="button button-secondary filters-clear" onPress={() => onChange({})}>
          {t('inventory.filters.clear')}
        </Button>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
