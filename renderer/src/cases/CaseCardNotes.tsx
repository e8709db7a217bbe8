import { useTranslation } from 'react-i18next';
import type { CaseFlag } from '../../../electron/api/domains/case-vocabulary';
import type { PersonRef } from '../../../electron/api/domains/cases';
import { formatDateTime } from './time-format';

/** The notes at the foot of a case card: an overdue re-check, a re-review due, the assignee. */
export function CaseCardNotes({
  flags,
  recheckAt,
  assignee,
}: {
  flags: readonly CaseFlag[];
  recheckAt: string | null;
  assignee: PersonRef | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      {flags.includes('recheck_overdue') && recheckAt ? (
        <span className="case-card-flag">
          {t('cases.list.overdue', { at: formatDateTime(recheckAt) })}
        </span>
      ) : null}
      {flags.includes('needs_re_review') ? (
        <span className="case-card-flag">{t('cases.list.reReview')}</span>
      ) : null}
      {assignee ? (
        <span className="case-card-assignee">
          {t('cases.header.assignee', { name: assignee.name })}
        </span>
      ) : null}
    </>
  );
}
