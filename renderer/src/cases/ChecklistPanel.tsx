import { useTranslation } from 'react-i18next';
import type {
  AnswerValue,
  CaseDetail,
  ChecklistSection,
  ChecklistSectionId,
} from '../../../electron/api/domains/cases';
import type { Result } from '../api/client';
import { useSession } from '../session/session-context';
import { useDraft } from '../session/use-draft';
import { BackupRedo } from './BackupRedo';
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
  const me = useSession().status?.user?.displayName;
  const drafts = useDraft<Record<string, string | null>>(`case:${detail.caseId}:checklist`, {});
  const sections = detail.phaseSections
    .map((id) => detail.template.sections.find((s) => s.id === id))
    .filter((s): s is ChecklistSection => s !== undefined);

  /**
   * Save an answer; the items it shows that offer a default (by the signed-in user, now) and are
   * still empty are saved with it: "Configuration backup taken: yes" is by me, now, unless changed.
   */
  const saveWithDefaults = async (
    sectionId: ChecklistSectionId,
    itemId: string,
    value: AnswerValue | null,
  ): Promise<Result<CaseDetail>> => {
    let result = await save(sectionId, itemId, value);
    if (!result.ok) return result;
    const shown = result.value.template.sections
      .find((s) => s.id === sectionId)
      ?.items.filter((i) => i.showWhen?.item === itemId && i.prefill && !i.answer);
    for (const item of shown ?? []) {
      const fill = item.prefill === 'now' ? new Date().toISOString() : me;
      if (!fill) continue;
      const next = await save(sectionId, item.id, fill);
      if (!next.ok) break;
      result = next;
    }
    return result;
  };

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
            <span
              className={`section-status${section.redo ? ' section-redo' : section.status.done ? ' section-done' : ''}`}
            >
              {section.redo
                ? t('cases.checklist.redo')
                : section.status.done
                  ? t('cases.checklist.done')
                  : t('cases.checklist.progress', {
                      answered: section.status.answered,
                      visible: section.status.visible,
                    })}
            </span>
          </div>
          {section.help ? <p className="field-help">{section.help}</p> : null}
          {section.redo && detail.open ? (
            <BackupRedo
              section={section}
              stateLabel={detail.stateLabel}
              save={(itemId, value) => save(section.id, itemId, value)}
            />
          ) : null}
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
                  save={(value) => saveWithDefaults(section.id, item.id, value)}
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
