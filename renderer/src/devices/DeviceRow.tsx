import { memo } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../electron/api';
import { LoadingRow, VirtualRow } from '../components/VirtualTable';
import { CriticalityBadge } from './CriticalityBadge';
import { deviceKind, deviceName, operatingSystem, place } from './device-text';
import { deviceColumns } from './device-columns';
import { TwoLineCell } from './TwoLineCell';

interface Props {
  /** 1-based position among all rows of the table, header included (aria-rowindex). */
  rowIndex: number;
  /** Pixel offset from the top of the body, from the virtualiser. */
  start: number;
  device: Device | undefined;
  onOpen(device: Device): void;
}

/** One device row; a row whose page has not arrived yet shows a loading placeholder. */
export const DeviceRow = memo(function DeviceRow({ rowIndex, start, device, onOpen }: Props) {
  const { t } = useTranslation();
  if (!device) {
    const label = t('devices.loadingRow');
    return (
      <LoadingRow {...{ rowIndex, start, label }} columns={deviceColumns} labelColumn="assetTag" />
    );
  }
  return (
    <VirtualRow rowIndex={rowIndex} start={start}>
      <td role="cell" className="vtable-cell">
        <Button
          className="asset-tag"
          onPress={() => onOpen(device)}
          aria-label={t('devices.details.open', { assetTag: device.assetTag })}
        >
          {device.assetTag}
        </Button>
      </td>
      <TwoLineCell main={deviceName(device)} sub={deviceKind(device)} strong />
      <TwoLineCell
        main={operatingSystem(device)}
        sub={
          device.softwareVersion
            ? t('devices.softwareVersion', { version: device.softwareVersion })
            : undefined
        }
      />
      <TwoLineCell main={device.department ?? undefined} sub={place(device)} />
      <TwoLineCell main={device.ipAddress ?? undefined} sub={device.hostname ?? undefined} />
      <td role="cell" className="vtable-cell">
        <CriticalityBadge criticality={device.criticality} />
      </td>
    </VirtualRow>
  );
});
