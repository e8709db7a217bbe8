import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SigningStatus } from '../../../../electron/api/domains/signing';
import { mayCall, type Role } from '../../../../electron/api/permissions';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSecretSubmit } from '../../components/use-secret-submit';
import { PassphraseField } from './PassphrasePair';

interface Props {
  status: SigningStatus;
  role: Role;
  onStatus(status: SigningStatus): void;
}

/** Unlock the key for this session with its passphrase, or lock it again (always allowed). */
export function SigningSession({ status, role, onStatus }: Props) {
  const { t } = useTranslation();
  const session = useSecretSubmit();

  if (status.unlocked) {
    return (
      <div className="settings-row">
        <Button
          className="button button-secondary"
          isPending={session.busy}
          onPress={() => session.send(() => call('signing.lock', {}), onStatus)}
        >
          {t('settings.signing.lock')}
        </Button>
        {session.error ? <ErrorMessage error={session.error} /> : null}
      </div>
    );
  }
  if (!mayCall('signing.unlock', [role])) return null;
  return (
    <Form
      className="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        session.send((passphrase) => call('signing.unlock', { passphrase }), onStatus);
      }}
      aria-labelledby="signing-unlock-title"
    >
      <h3 id="signing-unlock-title">{t('settings.signing.unlockTitle')}</h3>
      <div className="settings-row">
        <PassphraseField
          label={t('settings.signing.passphrase')}
          value={session.secret}
          onChange={session.setSecret}
          isRequired
        />
        <Button type="submit" className="button button-primary" isPending={session.busy}>
          {t('settings.signing.unlock')}
        </Button>
      </div>
      {session.error ? <ErrorMessage error={session.error} /> : null}
    </Form>
  );
}
