import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseActionOption, CaseDetail } from '../../../electron/api/domains/cases';
import { itemSelector, jumpTo } from './jump-to';
import { StepForm, type TakeStep } from './StepForm';

/** The questions of the assessment: how exposed the device is, and whether it may go now. */
const questionSections = new Set(['exposure_assessment', 'patient_safety_gate']);

/** The assessment's questions still unanswered, in page order. */
export function unansweredQuestions(detail: CaseDetail): string[] {
  return detail.template.sections
    .filter((s) => questionSections.has(s.id))
    .flatMap((s) => s.status.problems.filter((p) => p.kind === 'unanswered').map((p) => p.itemId));
}

/** Before the answers are in, the step is to answer them: a jump to the first, and how many left. */
export function AnswerQuestions({ left }: { left: string[] }) {
  const { t } = useTranslation();
  const first = left[0];
  return (
    <div className="next-step-row">
      <Button
        className="button button-primary button-big"
        onPress={() => {
          if (first) jumpTo(itemSelector(first));
        }}
      >
        {t('cases.assess.answer')}
      </Button>
      <p className="questions-left">{t('cases.assess.left', { count: left.length })}</p>
    </div>
  );
}

/**
 * The answers are in: the vendor's two ways side by side, the natural one first. Keep the device
 * on a protected segment (advice 1), or disconnect it and run standalone (advice 2); each says
 * what it still needs, every entry a link to its field.
 */
export function AssessingChoices({ detail, take }: { detail: CaseDetail; take: TakeStep }) {
  const { t } = useTranslation();
  const pick = (target: string) => detail.nextActions.options.find((o) => o.target === target);
  const choices = [pick('protected_connected'), pick('standalone')].filter(
    (o): o is CaseActionOption => o !== undefined,
  );
  const natural = detail.nextActions.next?.target;
  return (
    <div className="choice-pair">
      {choices.map((option) => (
        <div
          key={option.target}
          className={`choice-card${option.target === natural ? ' choice-card-natural' : ''}`}
          data-choice={option.target}
        >
          <p className="choice-help">
            {t(
              option.target === 'standalone'
                ? 'cases.assess.help.standalone'
                : 'cases.assess.help.protected_connected',
            )}
          </p>
          <StepForm
            option={option}
            primary={option.target === natural}
            take={take}
            detail={detail}
          />
        </div>
      ))}
    </div>
  );
}
