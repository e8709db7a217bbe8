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
import type { MatchBulkResult, MatchView } from '../../../electron/api/domains/advisories';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';

interface Props {
  trackingId: string;
  /** The suggested matches to confirm, as listed on the page. */
  matches: readonly MatchView[];
  onClose(): void;
  onDecided(result: MatchBulkResult): void;
}

/**
 * Confirm every suggested match of an advisory at once, with one reason: each match is still its
 * own decision in the audit trail. The devices are listed so that no one confirms blind.
 */
export function BulkConfirmDialog({ trackingId, matches, onClose, onDecided }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const count = matches.length;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    void call('matches.confirmMany', {
      ids: matches.map((m) => m.id),
      reason: reason.trim(),
    }).then((result) => {
      setBusy(false);
      if (result.ok) onDecided(result.value);
      else setError(result.error);
    });
  };

  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable={!busy}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal modal-narrow">
        <Dialog className="dialog" data-testid="bulk-confirm-dialog">
          <Heading slot="title">{t('inventory.matches.bulk.title', { count, trackingId })}</Heading>
          <ul
            className="match-bulk-list"
            aria-label={t('inventory.matches.bulk.listLabel')}
            // Focusable so keyboard users can scroll a long list with the arrow and page keys.
            tabIndex={0}
          >
            {matches.map((m) => (
              <li key={m.id}>
                <strong>{m.assetTag}</strong> {m.productName}
              </li>
            ))}
          </ul>
          <Form onSubmit={submit} className="decision-form">
            <TextField value={reason} onChange={setReason} maxLength={2000} autoFocus>
              <Label className="field-label">{t('inventory.matches.confirmReason')}</Label>
              <TextArea className="text-input text-area" rows={3} />
            </TextField>
            {error ? <ErrorMessage error={error} /> : null}
            <div className="dialog-actions">
              <Button type="submit" className="button button-primary" isPending={busy}>
                {t('inventory.matches.bulk.submit', { count })}
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
