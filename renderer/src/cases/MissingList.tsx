import { useTranslation } from 'react-i18next';
import type { CaseActionOption, CaseDetail } from '../../../electron/api/domains/cases';
import { missingLine } from '../components/error-words';
import { itemSelector, jumpTo, sectionSelector, signoffSelector } from './jump-to';

/**
 * What a step still needs, every entry a link to where it is put right: the unanswered or wrong
 * items of a checklist section one by one, a sign-off's button, the gate, the backup to redo.
 */
export function MissingList({
  option,
  detail,
  compact,
}: {
  option: CaseActionOption;
  detail: CaseDetail;
  /** Questions of this phase, shown just below, only unanswered: one line and a jump to the first. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (option.allowed || option.missing.length === 0) return null;
  return (
    <div className="step-missing">
      <p className="step-missing-lead">{t('cases.next.missingLead')}</p>
      <ul>
        {option.missing.map((text, i) => {
          const at = option.missingAt[i] ?? {};
          const section = at.section
            ? detail.template.sections.find((s) => s.id === at.section)
            : undefined;
          const problems = section && !section.status.done ? section.status.problems : [];
          const first = problems[0];
          if (
            compact &&
            section?.inPhase &&
            first &&
            problems.every((p) => p.kind === 'unanswered')
          ) {
            return (
              <li key={text}>
                <button
                  type="button"
                  className="missing-link"
                  onClick={() => jumpTo(itemSelector(first.itemId))}
                >
                  {t('cases.next.sectionLeft', { section: section.title, count: problems.length })}
                </button>
              </li>
            );
          }
          if (section && problems.length > 0) {
            return (
              <li key={text}>
                <span className="missing-section">{section.title}: </span>
                {problems.map((p, j) => (
                  <span key={p.itemId}>
                    {j > 0 ? ', ' : null}
                    <button
                      type="button"
                      className="missing-link"
                      title={p.message}
                      onClick={() => jumpTo(itemSelector(p.itemId))}
                    >
                      {p.label}
                    </button>
                  </span>
                ))}
              </li>
            );
          }
          const selector = at.signoff
            ? signoffSelector(at.signoff)
            : at.section === 'backup' && section?.redo
              ? '#backup-redo'
              : at.item
                ? itemSelector(at.item)
                : at.section === 'patient_safety_gate'
                  ? '[data-testid="gate"]'
                  : at.section
                    ? sectionSelector(at.section)
                    : undefined;
          const words = option.missingWords[i];
          const line = words ? missingLine(t, words) : text;
          return (
            <li key={text}>
              {selector ? (
                <button type="button" className="missing-link" onClick={() => jumpTo(selector)}>
                  {line}
                </button>
              ) : (
                line
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
