import { useReducer, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../electron/api';
import { useAppInfo } from '../app/use-app-info';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { DeviceCountLine } from '../devices/DeviceCountLine';
import { DeviceDetailsDialog } from '../devices/DeviceDetailsDialog';
import { DeviceEditDialog } from '../devices/DeviceEditDialog';
import { DeviceFilters, type DeviceFilterValues } from '../devices/DeviceFilters';
import { DeviceSearch } from '../devices/DeviceSearch';
import { DeviceTable } from '../devices/DeviceTable';
import { useDebouncedValue } from '../devices/use-debounced-value';
import { isNarrowed, useDevicePages } from '../devices/use-device-pages';
import { useFilterOptions } from '../devices/use-filter-options';
import { InventoryExport } from '../inventory/InventoryExport';
import { InventoryImportPanel } from '../inventory/InventoryImportPanel';
import { useMay } from '../inventory/use-may';
import '../styles/inventory.css';

/** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
const searchDelayMs = 250;

export function DevicesPage() {
  const { t } = useTranslation();
  const { info, refresh } = useAppInfo();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), searchDelayMs);
  const [filters, setFilters] = useState<DeviceFilterValues>({});
  const [reloadKey, reload] = useReducer((n: number) => n + 1, 0);
  const pages = useDevicePages({ search, ...filters }, reloadKey);
  const filterOptions = useFilterOptions(reloadKey);
  const [opened, setOpened] = useState<Device>();
  const [editing, setEditing] = useState<{ device: Device | undefined }>();
  const [importing, setImporting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const mayImport = useMay('inventory.import');
  const mayEdit = useMay('devices.update');

  const changed = () => {
    reload();
    void refresh();
  };

  const firstRun = info?.deviceCount === 0 && !importing;
  const narrowed = isNarrowed(pages.shownQuery);
  const shownSearch = pages.shownQuery?.search;
  return (
    <div className="devices-page">
      <div className="row-ends devices-heading">
        <PageHeading title={t('devices.title')} intro={t('devices.intro')} />
        {info && !importing ? (
          <div className="devices-actions">
            {mayImport ? (
              <Button className="button button-primary" onPress={() => setImporting(true)}>
                {t('inventory.import.open')}
              </Button>
            ) : null}
            {mayEdit ? (
              <Button
                className="button button-secondary"
                onPress={() => setEditing({ device: undefined })}
              >
                {t('inventory.edit.openAdd')}
              </Button>
            ) : null}
            {!firstRun ? <InventoryExport /> : null}
          </div>
        ) : null}
      </div>
      {!info ? (
        <p className="loading-text">{t('app.loadingInfo')}</p>
      ) : importing ? (
        <InventoryImportPanel onWritten={changed} onClose={() => setImporting(false)} />
      ) : firstRun ? (
        // The demo facility is offered on the first-run screen only: beside a real account its
        // public PINs would sign real records.
        <EmptyState title={t('devices.empty.title')}>
          <p>{t('devices.empty.body')}</p>
        </EmptyState>
      ) : (
        <>
          <div className="row-ends page-toolbar">
            <DeviceSearch value={searchText} onChange={setSearchText} inputRef={searchRef} />
            <DeviceCountLine pages={pages} inventoryTotal={info.deviceCount} />
          </div>
          <DeviceFilters value={filters} onChange={setFilters} options={filterOptions} />
          {pages.error ? <ErrorMessage error={pages.error} onRetry={pages.retry} /> : null}
          {pages.total === 0 && narrowed ? (
            <EmptyState
              title={
                shownSearch
                  ? t('devices.noMatchTitle', { search: shownSearch })
                  : t('inventory.filters.noMatchTitle')
              }
            >
              <p>{shownSearch ? t('devices.noMatchHelp') : t('inventory.filters.noMatchHelp')}</p>
            </EmptyState>
          ) : (
            <DeviceTable pages={pages} onOpen={setOpened} />
          )}
        </>
      )}
      <DeviceDetailsDialog
        device={opened}
        onClose={() => setOpened(undefined)}
        onEdit={
          mayEdit
            ? (device) => {
                setOpened(undefined);
                setEditing({ device });
              }
            : undefined
        }
      />
      {editing ? (
        <DeviceEditDialog
          device={editing.device}
          onClose={() => setEditing(undefined)}
          onSaved={(device) => {
            setEditing(undefined);
            setOpened(device);
            changed();
          }}
        />
      ) : null}
    </div>
  );
}
