import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../electron/api/domains/backup';
import { call, type ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { wordsSentence } from '../../components/error-words';
import { TickBox } from '../../components/TickBox';
import { WholeNumberField, wholeNumberOf } from '../WholeNumberField';
import { formatWhen } from './format';

interface Props {
  status: BackupStatus;
  onSaved(status: BackupStatus): void;
}

/** On or off, how often, and how many automatic backups are kept (the folder stays as set). */
export function AutomaticBackupForm({ status, onSaved }: Props) {
  const { t } = useTranslation();
  const [automatic, setAutomatic] = useState(status.settings.automatic);
  const [interval, setIntervalText] = useState(String(status.settings.intervalMinutes));
  const [keep, setKeep] = useState(String(status.settings.keep));
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const intervalMinutes = wholeNumberOf(interval);
    const kept = wholeNumberOf(keep);
    if (intervalMinutes === undefined || kept === undefined) {
      const field = t(
        intervalMinutes === undefined ? 'settings.backups.interval' : 'settings.backups.keep',
      );
      setError({ code: 'invalid_input', message: t('settings.notWholeNumber', { field }) });
      return;
    }
    setBusy(true);
    setError(undefined);
    const input = { automatic, folder: status.settings.folder, intervalMinutes, keep: kept };
    void call('backup.setSettings', input).then((result) => {
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setSaved(true);
      onSaved(result.value);
    });
  };

  return (
    <Form className="settings-form" onSubmit={submit} aria-labelledby="backup-auto-title">
      <h3 id="backup-auto-title">{t('settings.backups.autoTitle')}</h3>
      <TickBox isSelected={automatic} onChange={setAutomatic}>
        {t('settings.backups.automatic')}
      </TickBox>
      <WholeNumberField
        label={t('settings.backups.interval')}
        help={t('settings.backups.intervalHelp')}
        value={interval}
        onChange={setIntervalText}
      />
      <WholeNumberField
        label={t('settings.backups.keep')}
        help={t('settings.backups.keepHelp')}
        value={keep}
        onChange={setKeep}
      />
      {status.lastAutomatic ? (
        <p>
          {t('settings.backups.lastAutomatic', { at: formatWhen(status.lastAutomatic.createdAt) })}
        </p>
      ) : null}
      {status.nextDueAt ? (
        <p>{t('settings.backups.nextDue', { at: formatWhen(status.nextDueAt) })}</p>
      ) : null}
      {status.lastError ? (
        <div className="check-bad">
          <p>
            {t('settings.backups.lastError', {
              at: formatWhen(status.lastError.at),
              message: wordsSentence(t, status.lastError.words),
            })}
          </p>
          {status.lastError.technical ? (
            <details className="error-details">
              <summary>{t('errors.details')}</summary>
              <p className="error-code">{status.lastError.technical}</p>
            </details>
          ) : null}
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div aria-live="polite">
        {saved ? <p className="notice notice-success">{t('settings.backups.savedAuto')}</p> : null}
      </div>
      <Button type="submit" className="button button-primary" isPending={busy}>
        {t('settings.backups.saveAuto')}
      </Button>
    </Form>
  );
}
