import { useTranslation } from 'react-i18next';
import { currentTransport } from '../api/client';
import { useAppInfo } from '../app/use-app-info';
import { ErrorMessage } from '../components/ErrorMessage';

export function DataLocation() {
  const { t } = useTranslation();
  const { info, error, refresh } = useAppInfo();
  const transport = currentTransport() ?? 'unknown';
  return (
    <section className="panel" aria-labelledby="settings-data">
      <h2 id="settings-data">{t('settings.dataTitle')}</h2>
      {error ? <ErrorMessage error={error} onRetry={() => void refresh()} /> : null}
      {info ? (
        <dl className="fact-list">
          <dt>{t('settings.dataFolder')}</dt>
          <dd className="path">{info.dataDir}</dd>
          <dt>{t('settings.databaseFile')}</dt>
          <dd className="path">{info.databaseFile}</dd>
          <dt>{t('settings.schemaVersion')}</dt>
          <dd>{info.schemaVersion}</dd>
          <dt>{t('settings.appVersion')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('settings.transport')}</dt>
          <dd>{t(`status.transports.${transport}`)}</dd>
        </dl>
      ) : null}
    </section>
  );
}
