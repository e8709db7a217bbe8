import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchView } from '../../../electron/api/domains/advisories';
import { call } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { TextInputField } from '../components/TextInputField';
import { useSubmit } from '../components/use-submit';
import { matchReasonTexts } from './match-reasons';

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
  const submit = useSubmit();

  const decide = () => {
    const method = decision === 'confirm' ? 'matches.confirm' : 'matches.dismiss';
    submit.run(call(method, { id: match.id, reason: reason.trim() }), onDecided);
  };

  const names = { assetTag: match.assetTag, trackingId: match.trackingId };
  const confirm = decision === 'confirm';
  return (
    <FormDialog
      title={
        confirm
          ? t('inventory.matches.confirmTitle', names)
          : t('inventory.matches.dismissTitle', names)
      }
      onClose={onClose}
      submitLabel={
        confirm ? t('inventory.matches.confirmSubmit') : t('inventory.matches.dismissSubmit')
      }
      onSubmit={decide}
      busy={submit.busy}
      cancelLabel={t('inventory.cancel')}
      error={submit.error}
    >
      <p>{match.productName}</p>
      <ul className="match-reasons">
        {matchReasonTexts(t, match).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <TextInputField
        label={
          confirm ? t('inventory.matches.confirmReason') : t('inventory.matches.dismissReason')
        }
        value={reason}
        onChange={setReason}
        isRequired={!confirm}
        maxLength={2000}
        autoFocus
        rows={3}
      />
    </FormDialog>
  );
}
