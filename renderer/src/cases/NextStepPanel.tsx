import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/api/domains/cases';
import { AnswerQuestions, AssessingChoices, unansweredQuestions } from './AssessingStep';
import { NextAssignedDevice } from './NextAssignedDevice';
import { StepForm, type TakeStep } from './StepForm';
import { formatDateTime } from './time-format';

interface Props {
  detail: CaseDetail;
  take: TakeStep;
}

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
