import { useState, type FormEvent } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../electron/api/domains/people';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    void call('people.resetCredential', { id: user.id, secret }).then((result) => {
      setSaving(false);
      if (result.ok) onDone(result.value);
      else setError(result.error);
    });
  };

  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal modal-narrow">
        <Dialog className="dialog">
          <Form className="people-form" onSubmit={submit}>
            <Heading slot="title">
              {t('people.users.resetTitle', { name: user.displayName })}
            </Heading>
            <p>{t('people.users.resetIntro', { name: user.displayName })}</p>
            <SecretField
              label={t('people.users.initialSecret')}
              value={secret}
              onChange={setSecret}
              autoFocus
            />
            {error ? <ErrorMessage error={error} /> : null}
            <div className="people-actions">
              <Button type="submit" className="button button-primary" isPending={saving}>
                {t('people.users.resetSubmit')}
              </Button>
              <Button className="button button-secondary" slot="close">
                {t('people.users.cancel')}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
