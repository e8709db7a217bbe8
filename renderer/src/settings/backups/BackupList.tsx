import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupVerification } from '../../../../electron/api/domains/backup';
import { call, type ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useStationLanguage } from '../../i18n/LocaleProvider';
import { formatBytes, formatWhen } from './format';
import { RestoreDialog } from './RestoreDialog';
import { VerificationReport } from './VerificationReport';
import { ColumnHeads } from '../../components/ColumnHeads';

interface Checked {
  backup: BackupInfo;
  report?: BackupVerification;
  error?: ApiError;
}

/** The backups in the folder, newest first, each with verify and restore. */
export function BackupList({ backups }: { backups: BackupInfo[] }) {
  const { t } = useTranslation();
  const language = useStationLanguage();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'settings.backups' });
  const [verifying, setVerifying] = useState<string>();
  const [checked, setChecked] = useState<Checked>();
  const [restoring, setRestoring] = useState<BackupInfo>();

  const verify = (backup: BackupInfo) => {
    setVerifying(backup.file);
    setChecked(undefined);
    void call('backup.verify', { file: backup.file }).then((result) => {
      setVerifying(undefined);
      setChecked(result.ok ? { backup, report: result.value } : { backup, error: result.error });
    });
  };

  if (backups.length === 0) return <p>{t('settings.backups.empty')}</p>;
  return (
    <>
      <div aria-live="polite">
        {checked?.report ? (
          <VerificationReport fileName={checked.backup.fileName} report={checked.report} />
        ) : null}
      </div>
      {checked?.error ? <ErrorMessage error={checked.error} /> : null}
      <table className="users-table backups-table" aria-label={t('settings.backups.listLabel')}>
        <ColumnHeads
          columns={(['file', 'created_at', 'kind', 'size', 'actions'] as const).map((key) =>
            heads(key),
          )}
        />
        <tbody>
          {backups.map((b) => (
            <tr key={b.file}>
              <th scope="row" className="backup-file-name">
                {b.fileName}
              </th>
              <td>{formatWhen(b.createdAt)}</td>
              <td>{t(`settings.backups.kinds.${b.kind}`)}</td>
              <td>{t('settings.backups.bytes', { size: formatBytes(b.bytes, language) })}</td>
              <td>
                <div className="row-actions">
                  <Button
                    className="button button-secondary button-compact"
                    aria-label={t('settings.backups.verifyNamed', { fileName: b.fileName })}
                    isPending={verifying === b.file}
                    onPress={() => verify(b)}
                  >
                    {verifying === b.file
                      ? t('settings.backups.verifying')
                      : t('settings.backups.verify')}
                  </Button>
                  <Button
                    className="button button-secondary button-compact"
                    aria-label={t('settings.backups.restoreNamed', { fileName: b.fileName })}
                    onPress={() => setRestoring(b)}
                  >
                    {t('settings.backups.restore')}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {restoring ? (
        <RestoreDialog backup={restoring} onClose={() => setRestoring(undefined)} />
      ) : null}
    </>
  );
}
