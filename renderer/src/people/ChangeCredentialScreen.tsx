import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSession } from '../session/session-context';
import { SecretField } from './SecretField';
import { StationScreen } from './StationScreen';

/** After an administrator reset the credential, nothing else is allowed until it is replaced. */
export function ChangeCredentialScreen() {
  const { t } = useTranslation();
  const { apply, signOut } = useSession();
  const [currentSecret, setCurrent] = useState('');
  const [newSecret, setNext] = useState('');
  const [error, setError] = useState<ApiError>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void call('session.changeCredential', { currentSecret, newSecret }).then((result) => {
      if (result.ok) apply(result.value);
      else setError(result.error);
    });
  };

  return (
    <StationScreen title={t('people.changeCredential.title')}>
      <p className="station-intro">{t('people.changeCredential.intro')}</p>
      <Form className="people-form sign-in-form" onSubmit={submit}>
        <SecretField
          label={t('people.changeCredential.current')}
          value={currentSecret}
          onChange={setCurrent}
          autoFocus
        />
        <SecretField
          label={t('people.changeCredential.next')}
          value={newSecret}
          onChange={setNext}
        />
        {error ? <ErrorMessage error={error} /> : null}
        <div className="people-actions">
          <Button type="submit" className="button button-primary">
            {t('people.changeCredential.submit')}
          </Button>
          <Button className="button button-secondary" onPress={() => void signOut()}>
            {t('people.header.signOut')}
          </Button>
        </div>
      </Form>
    </StationScreen>
  );
}
