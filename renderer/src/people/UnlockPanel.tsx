import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { FormFooter } from '../components/FormFooter';
import { useSession } from '../session/session-context';
import { roleLabel } from './role-label';
import { SecretField } from './SecretField';
import { StationScreen } from './StationScreen';

/** The station is locked: the same user unlocks with their secret, or someone else signs in. */
export function UnlockPanel({ onSomeoneElse }: { onSomeoneElse(): void }) {
  const { t } = useTranslation();
  const { status, apply } = useSession();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const user = status?.user;
  if (!user) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    void call('session.unlock', { secret }).then((result) => {
      setBusy(false);
      setSecret('');
      if (result.ok) apply(result.value);
      else setError(result.error);
    });
  };

  return (
    <StationScreen title={t('people.unlock.title')}>
      <p className="station-intro">
        {t('people.unlock.intro', {
          name: user.displayName,
          role: status.role ? roleLabel(t, status.role) : '',
        })}
      </p>
      <Form className="people-form sign-in-form" onSubmit={submit}>
        <SecretField
          label={t('people.signIn.secret')}
          value={secret}
          onChange={setSecret}
          kind={user.credentialKind}
          autoFocus
        />
        <FormFooter
          error={error}
          submitLabel={t('people.unlock.submit')}
          busy={busy}
          rowClassName="people-actions"
        >
          <Button className="button button-secondary" onPress={onSomeoneElse}>
            {t('people.unlock.someoneElse')}
          </Button>
        </FormFooter>
      </Form>
    </StationScreen>
  );
}
