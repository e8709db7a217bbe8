import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../app/use-app-info';
import { SessionBar } from '../session/SessionBar';

export function AppHeader() {
  const { t } = useTranslation();
  const { facility } = useAppInfo();
  return (
    <header className="app-header">
      <span className="app-name">{t('app.name')}</span>
      <span className="app-facility">
        <span className="app-facility-label">{t('app.facilityLabel')}</span>
        <span className={facility ? 'app-facility-name' : 'app-facility-none'}>
          {facility ?? t('app.noFacility')}
        </span>
      </span>
      <SessionBar />
    </header>
  );
}
