import { useTranslation } from 'react-i18next';
import { isNarrowed, type DevicePages } from './use-device-pages';

interface Props {
  pages: DevicePages;
  /** All devices in the inventory, from app.info. */
  inventoryTotal: number | undefined;
}

/** The row count, announced politely so a screen reader hears what a search found. */
export function DeviceCountLine({ pages, inventoryTotal }: Props) {
  const { t } = useTranslation();
  const { total, shownQuery, loading } = pages;
  const shownSearch = shownQuery?.search;
  let text: string;
  if (total === undefined) text = t('devices.loading');
  else if (isNarrowed({ ...shownQuery, search: '' }))
    text = t('inventory.filters.matching', { count: total, total: inventoryTotal ?? total });
  else if (shownSearch)
    text = t('devices.matching', {
      count: total,
      total: inventoryTotal ?? total,
      search: shownSearch,
    });
  else text = t('devices.count', { count: total });
  return (
    <p className="device-count" role="status" data-testid="device-count">
      {text}
      {loading && total !== undefined ? (
        <span className="device-count-busy">{t('devices.searching')}</span>
      ) : null}
    </p>
  );
}
