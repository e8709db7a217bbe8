import { useTranslation } from 'react-i18next';
import type { Criticality } from '../../../electron/api';

/** Text first, colour second: the word carries the meaning, the colour only helps scanning. */
export function CriticalityBadge({ criticality }: { criticality: Criticality | null }) {
  const { t } = useTranslation();
  if (!criticality) return <span className="cell-missing">{t('devices.notRecorded')}</span>;
  return (
    <span className={`criticality criticality-${criticality}`}>
      {t(`devices.criticality.${criticality}`)}
    </span>
  );
}
