import { useTranslation } from 'react-i18next';
import { currentTransport } from '../api/client';
import { useAppInfo } from '../app/use-app-info';

/** Always visible: the offline promise, and where the data lives. */
export function StatusLine() {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  const transport = currentTransport() ?? 'unknown';
  return (
    <footer className="status-line" aria-label={t('status.label')}>
      <span className="status-offline">{t('status.offline')}</span>
      {/* For developers only; Settings → Data and integrity names it for everyone else. */}
      {import.meta.env.DEV ? (
        <span className="status-item">
          {t('status.transport', { transport: t(`status.transports.${transport}`) })}
        </span>
      ) : null}
      {info ? (
        <>
          <span className="status-item">{t('status.schema', { version: info.schemaVersion })}</span>
          <span className="status-item">{t('status.devices', { count: info.deviceCount })}</span>
          {/* Last, and the only part that wraps: a long path must stay readable in full. */}
          <span className="status-item status-data">
            {t('status.dataFolder')}: <span className="status-path">{info.dataDir}</span>
          </span>
        </>
      ) : (
        <span className="status-item">{t('status.unavailable')}</span>
      )}
    </footer>
  );
}
