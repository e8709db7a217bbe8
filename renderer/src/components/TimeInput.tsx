import { Input, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { zoneCity, type TimeLeaning } from '../../../electron/api/clock';
import { facilityTimeZone, formatDateTime, localInputToIso } from '../cases/time-format';
import { useStationLanguage } from '../i18n/LocaleProvider';

interface Props {
  /** What the field holds now, as typed. */
  value: string;
  /** How a bare clock time reads: the last one (done), the next one (due), or the nearest. */
  leaning?: TimeLeaning;
  onBlur?: (value: string) => void;
}

/**
 * The input of a time field (inside a react-aria TextField): takes "now", "30 min ago", "in 2 h",
 * "13:35" or "2026-12-03 13:35", in the facility's time zone, and says under the field which
 * moment it read, or that it could not read one.
 */
export function TimeInput({ value, leaning = 'nearest', onBlur }: Props) {
  const { t } = useTranslation();
  const city = zoneCity(facilityTimeZone(), useStationLanguage());
  const iso = value.trim() === '' ? null : localInputToIso(value, leaning);
  let description: string;
  if (value.trim() === '') description = t('time.hint', { city });
  else if (iso) description = t('time.reads', { at: formatDateTime(iso), city });
  else description = t('time.unreadable', { city });
  return (
    <>
      <Input
        className="text-input datetime-input"
        placeholder={t('time.placeholder')}
        autoComplete="off"
        onBlur={onBlur ? (event) => onBlur(event.currentTarget.value) : undefined}
        aria-invalid={value.trim() !== '' && !iso ? true : undefined}
      />
      <Text
        slot="description"
        className={value.trim() !== '' && !iso ? 'field-hint field-hint-error' : 'field-hint'}
      >
        {description}
      </Text>
    </>
  );
}
