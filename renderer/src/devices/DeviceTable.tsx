import { useTranslation } from 'react-i18next';
import type { Device } from '../../../electron/api';
import { VirtualTable } from '../components/VirtualTable';
import { deviceColumns } from './device-columns';
import { DeviceRow } from './DeviceRow';
import type { DevicePages } from './use-device-pages';

/** Two lines of text; the same as --vtable-row-height in devices.css. */
const rowHeight = 56;

interface Props {
  pages: DevicePages;
  onOpen(device: Device): void;
}

/** The inventory as a virtualised table: all 100,000 rows counted, only the visible ones drawn. */
export function DeviceTable({ pages, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <VirtualTable
      className="device-table"
      label={t('devices.tableLabel')}
      columns={deviceColumns}
      header={(column) => t(`devices.columns.${column}`)}
      rowHeight={rowHeight}
      rows={pages}
      renderRow={(device, { key, ...place }) => (
        <DeviceRow key={key} {...place} device={device} onOpen={onOpen} />
      )}
    />
  );
}
