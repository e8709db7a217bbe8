import { useTranslation } from 'react-i18next';
import { DatabaseCheck } from './DatabaseCheck';
import { AuditCheck } from './AuditCheck';

export function IntegrityChecks() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="settings-integrity">
      <h2 id="settings-integrity">{t('settings.integrityTitle')}</h2>
      <p>{t('settings.integrityIntro')}</p>
      <div className="check-list">
        <DatabaseCheck />
        <AuditCheck />
      </div>
    </section>
  );
}
