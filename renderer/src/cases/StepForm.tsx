import { useState } from 'react';
import { Button, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseActionOption, CaseDetail } from '../../../electron/api/domains/cases';
import type { ApiError } from '../api/client';
import { AnswerTextField } from '../components/TextInputField';
import { ErrorMessage } from '../components/ErrorMessage';
import { missingLine } from '../components/error-words';
import { TimeInput } from '../components/TimeInput';
import { MissingList } from './MissingList';
import { localInputFromNow, localInputToIso } from './time-format';

export type TakeStep = (
  option: CaseActionOption,
  extra: { reason?: string; recheckAt?: string },
) => Promise<ApiError | undefined>;

/** Default re-check for a deferral: an hour on, long enough for a waiting patient to be imaged. */
const defaultRecheckMinutes = 60;

/** A step's button, with the re-check time or reason it needs, and what still blocks it. */
export function StepForm({
  option,
  primary,
  take,
  detail,
  compact,
}: {
  option: CaseActionOption;
  primary?: boolean;
  take: TakeStep;
  /** The case: what is missing becomes links to where it is put right. */
  detail?: CaseDetail;
  /** The phase's own unanswered questions as one line (they are just below). */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [recheck, setRecheck] = useState(() => localInputFromNow(defaultRecheckMinutes));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const needsRecheck = option.needs.includes('recheckAt');
  const needsReason = option.needs.includes('reason');
  const ready =
    option.allowed && (!needsReason || reason.trim() !== '') && (!needsRecheck || recheck !== '');

  const press = () => {
    setBusy(true);
    setError(undefined);
    const extra: { reason?: string; recheckAt?: string } = {};
    if (needsReason) extra.reason = reason.trim();
    if (needsRecheck) extra.recheckAt = localInputToIso(recheck, 'future') ?? recheck;
    void take(option, extra).then((failure) => {
      setBusy(false);
      setError(failure);
    });
  };

  return (
    <div className="step-form">
      {option.allowed && (needsRecheck || needsReason) ? (
        <div className="step-inputs">
          {needsRecheck ? (
            <TextField className="answer-control" value={recheck} onChange={setRecheck} isRequired>
              <Label className="answer-label">{t('cases.next.recheckLabel')}</Label>
              <TimeInput value={recheck} leaning="future" />
            </TextField>
          ) : null}
          {needsReason ? (
            <AnswerTextField
              label={t('cases.next.reasonLabel')}
              value={reason}
              onChange={setReason}
            />
          ) : null}
        </div>
      ) : null}
      <Button
        className={`button ${primary ? 'button-primary button-big' : 'button-secondary'}`}
        isDisabled={!ready}
        isPending={busy}
        onPress={press}
      >
        {t(`steps.${option.actionKey}`)}
      </Button>
      {detail ? (
        <MissingList option={option} detail={detail} compact={compact} />
      ) : !option.allowed && option.missing.length > 0 ? (
        <div className="step-missing">
          <p className="step-missing-lead">{t('cases.next.missingLead')}</p>
          <ul>
            {option.missing.map((m, i) => {
              const words = option.missingWords[i];
              return <li key={m}>{words ? missingLine(t, words) : m}</li>;
            })}
          </ul>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
