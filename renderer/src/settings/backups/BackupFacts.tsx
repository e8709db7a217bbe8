import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../electron/api/domains/backup';
import { useStationLanguage } from '../../i18n/LocaleProvider';
import { formatBytes } from './format';

/** A backup just written: what an administrator writes down or compares on the copy. */
export function BackupFacts({ backup }: { backup: BackupInfo }) {
  const { t } = useTranslation();
  const language = useStationLanguage();
  return (
    <div className="notice notice-success backup-created" data-testid="backup-created">
      <p>{t('settings.backups.created', { fileName: backup.fileName })}</p>
      <dl className="fact-list">
        <dt>{t('settings.backups.file')}</dt>
        <dd className="path">{backup.file}</dd>
        <dt>{t('settings.backups.size')}</dt>
        <dd>{t('settings.backups.bytes', { size: formatBytes(backup.bytes, language) })}</dd>
        <dt>{t('settings.backups.checksum')}</dt>
        <dd className="fingerprint">{backup.sha256 ?? t('settings.backups.noChecksum')}</dd>
      </dl>
    </div>
  );
}
