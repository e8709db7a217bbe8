import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../electron/api';
import { DeviceFacts } from './DeviceFacts';
import { DeviceMatches } from './DeviceMatches';
import { DeviceNonMatches } from './DeviceNonMatches';

interface Props {
  device: Device | undefined;
  onClose(): void;
  /** Shown only to those who may change devices. */
  onEdit?(device: Device): void;
}

/** Everything recorded about one device; the table shows only what is needed to find it. */
export function DeviceDetailsDialog({ device, onClose, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen={device !== undefined}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal">
        <Dialog className="dialog">
          {device ? (
            <>
              <div className="dialog-header">
                <Heading slot="title">
                  {t('devices.details.title', { assetTag: device.assetTag })}
                </Heading>
                <div className="dialog-header-actions">
                  {onEdit ? (
                    <Button className="button button-secondary" onPress={() => onEdit(device)}>
                      {t('inventory.edit.open')}
                    </Button>
                  ) : null}
                  <Button className="button button-secondary" slot="close">
                    {t('devices.details.close')}
                  </Button>
                </div>
              </div>
              <DeviceMatches deviceId={device.id} />
              <DeviceNonMatches deviceId={device.id} />
              <div className="dialog-body">
                <DeviceFacts
                  device={device}
                  title={t('devices.details.identity')}
                  fields={['vendor', 'model', 'family', 'modality', 'serialNumber', 'criticality']}
                />
                <DeviceFacts
                  device={device}
                  title={t('devices.details.software')}
                  fields={['osName', 'osVersion', 'softwareVersion', 'remoteUpdateCapable']}
                />
                <DeviceFacts
                  device={device}
                  title={t('devices.details.network')}
                  fields={['hostname', 'ipAddress', 'macAddress', 'aeTitle', 'networkSegment']}
                />
                <DeviceFacts
                  device={device}
                  title={t('devices.details.location')}
                  fields={['site', 'building', 'floor', 'room', 'department']}
                />
                <DeviceFacts
                  device={device}
                  title={t('devices.details.service')}
                  wide
                  fields={['backupMethod', 'serviceContact', 'notes', 'updatedAt']}
                />
              </div>
            </>
          ) : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
