import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseActionOption, CaseDetail } from '../../../electron/api/domains/cases';
import type { ApiError } from '../api/client';
import { AnswerTextField } from '../components/TextInputField';
import { ErrorMessage } from '../components/ErrorMessage';
import { StepForm } from './StepForm';

interface Props {
  detail: CaseDetail;
  take(
    option: CaseActionOption,
    extra: { reason?: string; recheckAt?: string },
  ): Promise<ApiError | undefined>;
  quarantine(reason: string): Promise<ApiError | undefined>;
}

/**
 * The other steps the workflow allows from here (defer, stay connected, back to assessing), and
 * quarantine for a suspected compromise: kept apart from the one next action, on purpose.
 */
export function OtherSteps({ detail, take, quarantine }: Props) {
  const { t } = useTranslation();
  const natural = detail.nextActions.next?.target;
  const others = detail.nextActions.options.filter(
    (o) => o.target !== natural && o.target !== 'quarantined',
  );
  if (!detail.open) return null;
  return (
    <section className="case-panel other-steps" aria-labelledby="other-steps-title">
      <h2 id="other-steps-title">{t('cases.other.title')}</h2>
      {others.map((option) => (
        <div key={option.target} className="other-step" data-target={option.target}>
          <StepForm option={option} take={take} />
        </div>
      ))}
      {detail.state !== 'quarantined' && detail.state !== 'restoring' ? (
        <QuarantineForm quarantine={quarantine} />
      ) : null}
    </section>
  );
}

function QuarantineForm({ quarantine }: { quarantine: Props['quarantine'] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (!open) {
    return (
      <div className="other-step">
        <Button className="button button-danger-outline" onPress={() => setOpen(true)}>
          {t('cases.other.quarantine')}
        </Button>
        <p className="field-help">{t('cases.other.quarantineHelp')}</p>
      </div>
    );
  }
  return (
    <div className="other-step quarantine-form">
      <AnswerTextField
        label={t('cases.other.quarantineReason')}
        value={reason}
        onChange={setReason}
        autoFocus
      />
      <div className="step-actions">
        <Button
          className="button button-danger"
          isDisabled={reason.trim() === ''}
          isPending={busy}
          onPress={() => {
            setBusy(true);
            void quarantine(reason.trim()).then((failure) => {
              setBusy(false);
              setError(failure);
            });
          }}
        >
          {t('cases.other.quarantineConfirm')}
        </Button>
        <Button className="button button-secondary" onPress={() => setOpen(false)}>
          {t('cases.other.cancel')}
        </Button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
