import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchBulkResult, MatchView } from '../../../electron/api/domains/advisories';
import { call } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { TextInputField } from '../components/TextInputField';
import { useSubmit } from '../components/use-submit';

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
  const submit = useSubmit();
  const count = matches.length;

  const confirm = () =>
    submit.run(
      call('matches.confirmMany', { ids: matches.map((m) => m.id), reason: reason.trim() }),
      onDecided,
    );

  return (
    <FormDialog
      title={t('inventory.matches.bulk.title', { count, trackingId })}
      testId="bulk-confirm-dialog"
      onClose={onClose}
      submitLabel={t('inventory.matches.bulk.submit', { count })}
      onSubmit={confirm}
      busy={submit.busy}
      cancelLabel={t('inventory.cancel')}
      error={submit.error}
    >
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
      <TextInputField
        label={t('inventory.matches.confirmReason')}
        value={reason}
        onChange={setReason}
        maxLength={2000}
        autoFocus
        rows={3}
      />
    </FormDialog>
  );
}
