import { useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoLoadReport, Device } from '../../../electron/api';
import { useAppInfo } from '../app/use-app-info';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { DeviceCountLine } from '../devices/DeviceCountLine';
import { DeviceDetailsDialog } from '../devices/DeviceDetailsDialog';
import { DeviceSearch } from '../devices/DeviceSearch';
import { DeviceTable } from '../devices/DeviceTable';
import { LoadDemoPanel } from '../devices/LoadDemoPanel';
import { useDebouncedValue } from '../devices/use-debounced-value';
import { useDevicePages } from '../devices/use-device-pages';

/** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
const searchDelayMs = 250;

export function DevicesPage() {
  const { t } = useTranslation();
  const { info, refresh } = useAppInfo();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), searchDelayMs);
  const [reloadKey, reload] = useReducer((n: number) => n + 1, 0);
  const pages = useDevicePages(search, reloadKey);
  const [opened, setOpened] = useState<Device>();
  const [loaded, setLoaded] = useState<DemoLoadReport>();
  const searchRef = useRef<HTMLInputElement>(null);

  // The load button disappears with the empty state; put focus on the next thing to do, not on
  // the page body (where the next Tab would land somewhere arbitrary).
  useEffect(() => {
    if (loaded) searchRef.current?.focus();
  }, [loaded]);

  const onDemoLoaded = (report: DemoLoadReport) => {
    setLoaded(report);
    reload();
    void refresh();
  };

  const firstRun = info?.deviceCount === 0 && !loaded;
  return (
    <div className="devices-page">
      <PageHeading title={t('devices.title')} intro={t('devices.intro')} />
      {loaded ? (
        <p className="notice notice-success" role="status">
          {t('devices.empty.loaded', { count: loaded.devicesAdded, facility: loaded.facility })}
        </p>
      ) : null}
      {!info ? (
        <p className="loading-text">{t('app.loadingInfo')}</p>
      ) : firstRun ? (
        <LoadDemoPanel onLoaded={onDemoLoaded} />
      ) : (
        <>
          <div className="devices-toolbar">
            <DeviceSearch value={searchText} onChange={setSearchText} inputRef={searchRef} />
            <DeviceCountLine pages={pages} inventoryTotal={info?.deviceCount} />
          </div>
          {pages.error ? <ErrorMessage error={pages.error} onRetry={pages.retry} /> : null}
          {pages.total === 0 && pages.shownSearch ? (
            <EmptyState title={t('devices.noMatchTitle', { search: pages.shownSearch })}>
              <p>{t('devices.noMatchHelp')}</p>
            </EmptyState>
          ) : (
            <DeviceTable pages={pages} onOpen={setOpened} />
          )}
        </>
      )}
      <DeviceDetailsDialog device={opened} onClose={() => setOpened(undefined)} />
    </div>
  );
}
