import { useTranslation } from 'react-i18next';
import { zoneCity } from '../../../electron/api/clock';
import { useAppInfo } from '../app/use-app-info';
import { useStationLanguage } from '../i18n/LocaleProvider';
import { SessionBar } from '../session/SessionBar';

export function AppHeader() {
  const { t } = useTranslation();
  const { facility, info } = useAppInfo();
  const zone = info?.timeZone;
  const language = useStationLanguage();
  return (
    <header className="app-header">
      <span className="app-name">{t('app.name')}</span>
      <span className="app-facility">
        <span className="app-facility-label">{t('app.facilityLabel')}</span>
        <span
          className={facility ? 'app-facility-name' : 'app-facility-none'}
          title={facility ?? undefined}
        >
          {facility ?? t('app.noFacility')}
        </span>
        {zone ? (
          <span className="app-zone" title={t('app.zoneTitle', { zone })}>
            {t('app.zoneTime', { city: zoneCity(zone, language) })}
          </span>
        ) : null}
      </span>
      <SessionBar />
    </header>
  );
}
