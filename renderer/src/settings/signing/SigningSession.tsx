import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SigningStatus } from '../../../../electron/api/domains/signing';
import { mayCall, type Role } from '../../../../electron/api/permissions';
import { call, type ApiError, type Result } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PassphraseField } from './PassphrasePair';

interface Props {
  status: SigningStatus;
  role: Role;
  onStatus(status: SigningStatus): void;
}

/** Unlock the key for this session with its passphrase, or lock it again (always allowed). */
export function SigningSession({ status, role, onStatus }: Props) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const run = (perform: () => Promise<Result<SigningStatus>>) => {
    setBusy(true);
    setError(undefined);
    void perform().then((result) => {
      setBusy(false);
      setPassphrase('');
      if (result.ok) onStatus(result.value);
      else setError(result.error);
    });
  };

  if (status.unlocked) {
    return (
      <div className="settings-row">
        <Button
          className="button button-secondary"
          isPending={busy}
          onPress={() => run(() => call('signing.lock', {}))}
        >
          {t('settings.signing.lock')}
        </Button>
        {error ? <ErrorMessage error={error} /> : null}
      </div>
    );
  }
  if (!mayCall('signing.unlock', [role])) return null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run(() => call('signing.unlock', { passphrase }));
  };
  return (
    <Form className="settings-form" onSubmit={submit} aria-labelledby="signing-unlock-title">
      <h3 id="signing-unlock-title">{t('settings.signing.unlockTitle')}</h3>
      <div className="settings-row">
        <PassphraseField
          label={t('settings.signing.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          isRequired
        />
        <Button type="submit" className="button button-primary" isPending={busy}>
          {t('settings.signing.unlock')}
        </Button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </Form>
  );
}
