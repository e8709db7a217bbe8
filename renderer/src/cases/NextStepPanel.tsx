import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseActionOption, CaseDetail } from '../../../electron/api/domains/cases';
import type { ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { AnswerQuestions, AssessingChoices, unansweredQuestions } from './AssessingStep';
import { MissingList } from './MissingList';
import { NextAssignedDevice } from './NextAssignedDevice';
import { formatDateTime, localInputFromNow, localInputToIso } from './time-format';
import { TimeInput } from '../components/TimeInput';

export type TakeStep = (
  option: CaseActionOption,
  extra: { reason?: string; recheckAt?: string },
) => Promise<ApiError | undefined>;

interface Props {
  detail: CaseDetail;
  take: TakeStep;
}

/** Default re-check for a deferral: an hour on, long enough for a waiting patient to be imaged. */
const defaultRecheckMinutes = 60;

/**
 * The one clear next action, as a big button; when it cannot be taken yet, what is missing in
 * plain words. A step that needs a re-check time or a reason asks for it right here.
 */
export function NextStepPanel({ detail, take }: Props) {
  const { t } = useTranslation();
  const next = detail.nextActions.next;
  const recheck = detail.nextActions.recheck;
  if (!next) {
    return (
      <section className="next-step next-step-done" aria-labelledby="next-step-title">
        <h2 id="next-step-title" tabIndex={-1}>
          {t('cases.next.title')}
        </h2>
        <p className="next-step-lead">{t('cases.next.closed')}</p>
        <NextAssignedDevice after={detail.caseId} />
      </section>
    );
  }
  // In assessing: first the questions, then the two ways side by side (a blocked gate: defer).
  const left = detail.state === 'assessing' ? unansweredQuestions(detail) : [];
  const assessing = detail.state === 'assessing' && next.target !== 'deferred';
  const body =
    assessing && left.length > 0 ? (
      <AnswerQuestions left={left} />
    ) : assessing ? (
      <AssessingChoices detail={detail} take={take} />
    ) : (
      <StepForm
        key={`${detail.state}:${next.target}`}
        option={next}
        primary
        take={take}
        detail={detail}
        compact
      />
    );
  const blocked = !next.allowed && !(assessing && left.length > 0);
  return (
    <section
      className={`next-step${blocked && !assessing ? ' next-step-blocked' : ''}`}
      aria-labelledby="next-step-title"
      data-testid="next-step"
    >
      <h2 id="next-step-title" tabIndex={-1}>
        {t('cases.next.title')}
      </h2>
      {recheck ? (
        <p className={recheck.due ? 'recheck recheck-due' : 'recheck'}>
          {recheck.due
            ? t('cases.next.recheckDue', { at: formatDateTime(recheck.at) })
            : t('cases.next.recheckAt', { at: formatDateTime(recheck.at) })}
        </p>
      ) : null}
      {body}
    </section>
  );
}

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
            <TextField
              className="answer-control answer-text"
              value={reason}
              onChange={setReason}
              isRequired
              maxLength={1000}
            >
              <Label className="answer-label">{t('cases.next.reasonLabel')}</Label>
              <Input className="text-input" />
            </TextField>
          ) : null}
        </div>
      ) : null}
      <Button
        className={`button ${primary ? 'button-primary button-big' : 'button-secondary'}`}
        isDisabled={!ready}
        isPending={busy}
        onPress={press}
      >
        {option.action}
      </Button>
      {detail ? (
        <MissingList option={option} detail={detail} compact={compact} />
      ) : !option.allowed && option.missing.length > 0 ? (
        <div className="step-missing">
          <p className="step-missing-lead">{t('cases.next.missingLead')}</p>
          <ul>
            {option.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
