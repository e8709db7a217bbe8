import { useTranslation } from 'react-i18next';
import type {
  AnswerValue,
  CaseDetail,
  ChecklistSection,
  ChecklistSectionId,
} from '../../../electron/api/domains/cases';
import type { Result } from '../api/client';
import { useDraft } from '../session/use-draft';
import { ChecklistItemView } from './ChecklistItemView';

interface Props {
  detail: CaseDetail;
  save(
    sectionId: ChecklistSectionId,
    itemId: string,
    value: AnswerValue | null,
  ): Promise<Result<CaseDetail>>;
  pending: number;
}

/**
 * The checklist of the current phase, from the case's template. Each answer is saved as it is
 * given; what is typed and not yet saved is kept as a draft, so an idle lock loses nothing.
 */
export function ChecklistPanel({ detail, save, pending }: Props) {
  const { t } = useTranslation();
  const drafts = useDraft<Record<string, string | null>>(`case:${detail.caseId}:checklist`, {});
  const sections = detail.phaseSections
    .map((id) => detail.template.sections.find((s) => s.id === id))
    .filter((s): s is ChecklistSection => s !== undefined);

  if (sections.length === 0) {
    return (
      <section className="case-panel" aria-labelledby="case-checklist-title">
        <h2 id="case-checklist-title">{t('cases.checklist.title')}</h2>
        <p>{t('cases.checklist.none')}</p>
      </section>
    );
  }
  return (
    <section className="case-panel case-checklist" aria-labelledby="case-checklist-title">
      <div className="case-panel-head">
        <h2 id="case-checklist-title">{t('cases.checklist.title')}</h2>
        <p className="autosave" role="status" data-testid="autosave">
          {pending > 0
            ? t('cases.checklist.saving')
            : drafts.state === 'restored'
              ? t('cases.checklist.restored')
              : t('cases.checklist.autosave')}
        </p>
      </div>
      {sections.map((section) => (
        <section
          key={section.id}
          className="checklist-section"
          aria-labelledby={`section-${section.id}`}
          data-section={section.id}
        >
          <div className="checklist-section-head">
            <h3 id={`section-${section.id}`}>{section.title}</h3>
            <span className={`section-status${section.status.done ? ' section-done' : ''}`}>
              {section.status.done
                ? t('cases.checklist.done')
                : t('cases.checklist.progress', {
                    answered: section.status.answered,
                    visible: section.status.visible,
                  })}
            </span>
          </div>
          {section.help ? <p className="field-help">{section.help}</p> : null}
          <div className="checklist-items">
            {section.items.map((item) => {
              const key = `${section.id}/${item.id}`;
              const draft = drafts.value[key];
              return (
                <ChecklistItemView
                  key={key}
                  item={item}
                  problem={section.status.problems.find((p) => p.itemId === item.id)}
                  draft={draft ?? undefined}
                  setDraft={(raw) => drafts.update({ [key]: raw })}
                  save={(value) => save(section.id, item.id, value)}
                  readOnly={!detail.open}
                />
              );
            })}
          </div>
        </section>
      ))}
    </section>
  );
}
