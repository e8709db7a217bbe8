import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  ModalOverlay,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { demoSigningPassphrase } from '../../../electron/api/domains/signing';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';

interface Props {
  isOpen: boolean;
  /** The demo identity: its public passphrase is shown (it signs nothing real). */
  demo?: boolean;
  onClose(): void;
  onUnlocked(): void;
}

/**
 * Signed PDFs need the organisation's signing key unlocked for this session: ask for its
 * passphrase once (`signing.unlock`), then carry on with the export that asked.
 */
export function SigningUnlockDialog({ isOpen, demo, onClose, onUnlocked }: Props) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const close = () => {
    setPassphrase('');
    setError(undefined);
    onClose();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    void call('signing.unlock', { passphrase }).then((result) => {
      setBusy(false);
      setPassphrase('');
      if (!result.ok) return setError(result.error);
      onUnlocked();
    });
  };

  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      isDismissable={!busy}
      onOpenChange={(open) => {
        if (!open) close();
      }}
    >
      <Modal className="modal board-modal">
        <Dialog className="dialog">
          <div className="dialog-header">
            <Heading slot="title">{t('board.signing.title')}</Heading>
          </div>
          <p>{t('board.signing.intro')}</p>
          {demo ? (
            <p className="notice">
              {t('board.signing.demoHint', { passphrase: demoSigningPassphrase })}
            </p>
          ) : null}
          <Form onSubmit={submit} className="board-bulk-form">
            <TextField
              className="board-field"
              type="password"
              value={passphrase}
              onChange={setPassphrase}
              isRequired
              autoFocus
              maxLength={1024}
            >
              <Label className="field-label">{t('board.signing.passphrase')}</Label>
              <Input className="text-input" autoComplete="off" />
            </TextField>
            {error ? <ErrorMessage error={error} /> : null}
            <div className="board-dialog-actions">
              <Button
                type="submit"
                className="button button-primary"
                isPending={busy}
                isDisabled={passphrase.length === 0}
              >
                {t('board.signing.submit')}
              </Button>
              <Button className="button button-secondary" onPress={close} isDisabled={busy}>
                {t('board.dialog.cancel')}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
