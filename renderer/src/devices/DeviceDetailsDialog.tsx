import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../electron/api';
import { DeviceFacts } from './DeviceFacts';

interface Props {
  device: Device | undefined;
  onClose(): void;
}

/** Everything recorded about one device; the table shows only what is needed to find it. */
export function DeviceDetailsDialog({ device, onClose }: Props) {
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
                <Button className="button button-secondary" slot="close">
                  {t('devices.details.close')}
                </Button>
              </div>
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
