import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupStatus } from '../../../../electron/api/domains/backup';
import { call, type ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { AutomaticBackupForm } from './AutomaticBackupForm';
import { BackupFacts } from './BackupFacts';
import { BackupList } from './BackupList';

/** Settings → Backups (administrators only): back up now, the folder's backups, the schedule. */
export function BackupSettings() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BackupStatus>();
  const [backups, setBackups] = useState<BackupInfo[]>();
  const [created, setCreated] = useState<BackupInfo>();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<ApiError>();

  const load = useCallback(
    () =>
      Promise.all([call('backup.getSettings', {}), call('backup.list', {})]).then(([s, list]) => {
        if (s.ok) setStatus(s.value);
        if (list.ok) setBackups(list.value);
        setError(!s.ok ? s.error : !list.ok ? list.error : undefined);
      }),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const create = () => {
    setCreating(true);
    setCreated(undefined);
    setError(undefined);
    void call('backup.create', {}).then((result) => {
      setCreating(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setCreated(result.value);
      void load();
    });
  };

  return (
    <>
      <section className="panel settings-panel-wide" aria-labelledby="backups-title">
        <h2 id="backups-title">{t('settings.backups.title')}</h2>
        <p>{t('settings.backups.intro')}</p>
        {status ? (
          <dl className="fact-list">
            <dt>{t('settings.backups.folder')}</dt>
            <dd className="path">{status.folder}</dd>
          </dl>
        ) : null}
        <div className="settings-row">
          <Button className="button button-primary" onPress={create} isPending={creating}>
            {creating ? t('settings.backups.creating') : t('settings.backups.createNow')}
          </Button>
        </div>
        <div aria-live="polite">{created ? <BackupFacts backup={created} /> : null}</div>
        {error ? <ErrorMessage error={error} onRetry={() => void load()} /> : null}
        <h3>{t('settings.backups.listTitle')}</h3>
        {backups ? (
          <BackupList backups={backups} />
        ) : error ? null : (
          <p role="status">{t('settings.backups.loading')}</p>
        )}
      </section>
      {status ? (
        <section className="panel">
          <AutomaticBackupForm status={status} onSaved={setStatus} />
        </section>
      ) : null}
    </>
  );
}
