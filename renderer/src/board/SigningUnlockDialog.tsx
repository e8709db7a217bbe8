import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { demoSigningPassphrase } from '../../../electron/api/domains/signing';
import { call } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { TextInputField } from '../components/TextInputField';
import { useSubmit } from '../components/use-submit';

interface Props {
  isOpen: boolean;
  /** The demo identity: its public passphrase is shown (it signs nothing real). */
  demo?: boolean;
  onClose(): void;
  onUnlocked(): void;
  /** What the key is unlocked for, when not a signed export (enrolling a station). */
  intro?: string;
  submitLabel?: string;
}

/**
 * Signed PDFs need the organisation's signing key unlocked for this session: ask for its
 * passphrase once (`signing.unlock`), then carry on with the export that asked.
 */
export function SigningUnlockDialog(props: Props) {
  const { isOpen, demo, onClose, onUnlocked } = props;
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const submit = useSubmit();

  const close = () => {
    setPassphrase('');
    submit.clear();
    onClose();
  };
  const unlock = () => {
    setPassphrase('');
    submit.run(call('signing.unlock', { passphrase }), onUnlocked);
  };

  return (
    <FormDialog
      title={t('board.signing.title')}
      isOpen={isOpen}
      onClose={close}
      submitLabel={props.submitLabel ?? t('board.signing.submit')}
      onSubmit={unlock}
      busy={submit.busy}
      submitDisabled={passphrase.length === 0}
      cancelLabel={t('board.dialog.cancel')}
      error={submit.error}
    >
      <p>{props.intro ?? t('board.signing.intro')}</p>
      {demo ? (
        <p className="notice">
          {t('board.signing.demoHint', { passphrase: demoSigningPassphrase })}
        </p>
      ) : null}
      <TextInputField
        label={t('board.signing.passphrase')}
        type="password"
        value={passphrase}
        onChange={setPassphrase}
        isRequired
        autoFocus
        maxLength={1024}
      />
    </FormDialog>
  );
}
