import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../electron/api/domains/backup';
import { call, type ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { isAboutFields, problemAt, wordsSentence } from '../../components/error-words';
import { TickBox } from '../../components/TickBox';
import { useMissing } from '../../components/use-missing';
import { WholeNumberField, wholeNumberOf, wholeNumberProblem } from '../WholeNumberField';
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
  // Each field says what it lacks when the form is sent; the services check the ranges.
  const missing = useMissing({
    intervalMinutes: wholeNumberProblem(t, interval),
    keep: wholeNumberProblem(t, keep),
  });
  const said = (field: 'intervalMinutes' | 'keep') =>
    problemAt(t, error, field) ?? missing.at(field);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    setError(undefined);
    const intervalMinutes = wholeNumberOf(interval);
    const kept = wholeNumberOf(keep);
    if (!missing.submitted() || intervalMinutes === undefined || kept === undefined) return;
    setBusy(true);
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
    <Form
      className="settings-form"
      onSubmit={submit}
      aria-labelledby="backup-auto-title"
      validationBehavior="aria"
    >
      <h3 id="backup-auto-title">{t('settings.backups.autoTitle')}</h3>
      <TickBox isSelected={automatic} onChange={setAutomatic}>
        {t('settings.backups.automatic')}
      </TickBox>
      <WholeNumberField
        label={t('settings.backups.interval')}
        help={t('settings.backups.intervalHelp')}
        value={interval}
        onChange={setIntervalText}
        problem={said('intervalMinutes')}
      />
      <WholeNumberField
        label={t('settings.backups.keep')}
        help={t('settings.backups.keepHelp')}
        value={keep}
        onChange={setKeep}
        problem={said('keep')}
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
      {error && !isAboutFields(error, ['intervalMinutes', 'keep']) ? (
        <ErrorMessage error={error} />
      ) : null}
      <div aria-live="polite">
        {saved ? <p className="notice notice-success">{t('settings.backups.savedAuto')}</p> : null}
      </div>
      <Button type="submit" className="button button-primary" isPending={busy}>
        {t('settings.backups.saveAuto')}
      </Button>
    </Form>
  );
}
