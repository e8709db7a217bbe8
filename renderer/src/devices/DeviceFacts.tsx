import { useTranslation } from 'react-i18next';
import type { Device } from '../../../electron/api';
import { formatDateTime } from '../cases/time-format';

type Field = Exclude<keyof Device, 'id' | 'assetTag'>;

interface Props {
  device: Device;
  title: string;
  fields: readonly Field[];
  wide?: boolean;
}

/** One group of a device's recorded facts, as a description list. */
export function DeviceFacts({ device, title, fields, wide = false }: Props) {
  const { t } = useTranslation();
  const show = (field: Field): string => {
    const value = device[field];
    if (value === null || value === '') return t('devices.notRecorded');
    if (typeof value === 'boolean')
      return value ? t('devices.details.yes') : t('devices.details.no');
    if (field === 'criticality' && device.criticality) {
      return t(`devices.criticality.${device.criticality}`);
    }
    if (field === 'updatedAt') return formatDateTime(value);
    return value;
  };
  return (
    <section className={wide ? 'device-facts device-facts-wide' : 'device-facts'}>
      <h3>{title}</h3>
      <dl className="fact-list">
        {fields.map((field) => (
          <div className="fact" key={field}>
            <dt>{t(`devices.details.fields.${field}`)}</dt>
            <dd>{show(field)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
