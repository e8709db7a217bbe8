import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../electron/api/domains/people';
import { call } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { useSubmit } from '../components/use-submit';
import { SecretField } from './SecretField';

interface Props {
  user: UserAccount;
  onClose(): void;
  onDone(user: UserAccount): void;
}

/**
 * A temporary PIN or password, told to the user in person. The services mark the account so
 * that the user's next sign-in goes to the change-credential screen before anything else.
 */
export function ResetCredentialDialog({ user, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const submit = useSubmit();

  return (
    <FormDialog
      title={t('people.users.resetTitle', { name: user.displayName })}
      onClose={onClose}
      submitLabel={t('people.users.resetSubmit')}
      onSubmit={() => submit.run(call('people.resetCredential', { id: user.id, secret }), onDone)}
      busy={submit.busy}
      cancelLabel={t('people.users.cancel')}
      error={submit.error}
    >
      <p>{t('people.users.resetIntro', { name: user.displayName })}</p>
      <SecretField
        label={t('people.users.initialSecret')}
        value={secret}
        onChange={setSecret}
        autoFocus
      />
    </FormDialog>
  );
}
