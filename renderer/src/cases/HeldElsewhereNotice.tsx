import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/api/domains/cases';
import { formatDateTime } from './time-format';

/**
 * Two stations had opened this case and the incident commander chose the other one: it is kept
 * here as the record of what was done, and worked there.
 */
export function HeldElsewhereNotice({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const held = detail.heldElsewhere;
  if (!held) return null;
  return (
    <section
      className="case-flag re-review"
      role="status"
      aria-label={t('cases.heldElsewhere.label')}
      data-testid="case-held-elsewhere"
    >
      <p>
        {t('cases.heldElsewhere.message', {
          station: held.stationName,
          at: formatDateTime(held.since),
        })}
      </p>
      {held.reason ? <p>{t('cases.heldElsewhere.reason', { reason: held.reason })}</p> : null}
    </section>
  );
}
