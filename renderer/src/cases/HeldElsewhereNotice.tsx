import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/api/domains/cases';
import { formatDateTime } from './time-format';

/** Whether the case is worked at another station, so that no step is offered here. */
export function workedElsewhere(detail: CaseDetail): boolean {
  return detail.heldElsewhere !== null || detail.transferredTo !== null;
}

/**
 * Two stations had opened this case and the incident commander chose the other one, or this
 * station handed it to another: it is kept here as the record of what was done, and worked there.
 */
export function HeldElsewhereNotice({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const held = detail.heldElsewhere;
  if (!detail.transferredTo && !held) return null;
  return (
    <section
      className="case-flag re-review"
      role="status"
      aria-label={t('cases.heldElsewhere.label')}
      data-testid="case-held-elsewhere"
    >
      {detail.transferredTo ? (
        <p>{t('cases.heldElsewhere.transferred', { station: detail.transferredTo.name })}</p>
      ) : held ? (
        <>
          <p>
            {t('cases.heldElsewhere.message', {
              station: held.stationName,
              at: formatDateTime(held.since),
            })}
          </p>
          {held.reason ? <p>{t('cases.heldElsewhere.reason', { reason: held.reason })}</p> : null}
        </>
      ) : null}
    </section>
  );
}
