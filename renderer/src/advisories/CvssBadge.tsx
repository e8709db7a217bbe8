import { useTranslation } from 'react-i18next';
import { stationLanguage } from '../threats/priority-words';
import { cvssBand, cvssText } from './advisory-text';

/** The score and its band in words; colour only helps scanning. */
export function CvssBadge({ score }: { score: number | null }) {
  const { t, i18n } = useTranslation();
  const band = cvssBand(score);
  if (band === 'none')
    return <span className="cell-missing">{t('inventory.advisories.noScore')}</span>;
  return (
    <span className={`criticality criticality-${band}`}>
      {t('inventory.advisories.cvss', {
        score: cvssText(score, stationLanguage(i18n.resolvedLanguage)),
        band: t(`devices.criticality.${band}`),
      })}
    </span>
  );
}
