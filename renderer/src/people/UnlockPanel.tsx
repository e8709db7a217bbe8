import type { FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { FormFooter } from '../components/FormFooter';
import { useSecretSubmit } from '../components/use-secret-submit';
import { useSession } from '../session/session-context';
import { roleLabel } from './role-label';
import { SecretField } from './SecretField';
import { StationScreen } from './StationScreen';

/** The station is locked: the same user unlocks with their secret, or someone else signs in. */
export function UnlockPanel({ onSomeoneElse }: { onSomeoneElse(): void }) {
  const { t } = useTranslation();
  const { status, apply } = useSession();
  const unlock = useSecretSubmit();
  const user = status?.user;
  if (!user) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    unlock.send((secret) => call('session.unlock', { secret }), apply);
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
          value={unlock.secret}
          onChange={unlock.setSecret}
          kind={user.credentialKind}
          autoFocus
        />
        <FormFooter
          error={unlock.error}
          submitLabel={t('people.unlock.submit')}
          busy={unlock.busy}
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
