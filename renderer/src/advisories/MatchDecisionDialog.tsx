import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  Form,
  Heading,
  Label,
  Modal,
  ModalOverlay,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MatchView } from '../../../electron/api/domains/advisories';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';

export type MatchDecision = 'confirm' | 'dismiss';

interface Props {
  match: MatchView;
  decision: MatchDecision;
  onClose(): void;
  onDecided(match: MatchView): void;
}

/** Confirm or dismiss one match, with the reason that goes into the audit trail. */
export function MatchDecisionDialog({ match, decision, onClose, onDecided }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const method = decision === 'confirm' ? 'matches.confirm' : 'matches.dismiss';
    void call(method, { id: match.id, reason: reason.trim() }).then((result) => {
      setBusy(false);
      if (result.ok) onDecided(result.value);
      else setError(result.error);
    });
  };

  const names = { assetTag: match.assetTag, trackingId: match.trackingId };
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
          <Heading slot="title">
            {decision === 'confirm'
              ? t('inventory.matches.confirmTitle', names)
              : t('inventory.matches.dismissTitle', names)}
          </Heading>
          <p>{match.productName}</p>
          <ul className="match-reasons">
            {match.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <Form onSubmit={submit} className="decision-form">
            <TextField
              value={reason}
              onChange={setReason}
              isRequired={decision === 'dismiss'}
              maxLength={2000}
              autoFocus
            >
              <Label className="field-label">
                {decision === 'confirm'
                  ? t('inventory.matches.confirmReason')
                  : t('inventory.matches.dismissReason')}
              </Label>
              <TextArea className="text-input text-area" rows={3} />
            </TextField>
            {error ? <ErrorMessage error={error} /> : null}
            <div className="dialog-actions">
              <Button type="submit" className="button button-primary" isPending={busy}>
                {decision === 'confirm'
                  ? t('inventory.matches.confirmSubmit')
                  : t('inventory.matches.dismissSubmit')}
              </Button>
              <Button className="button button-secondary" slot="close">
                {t('inventory.cancel')}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
