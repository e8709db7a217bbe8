import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../electron/api/domains/cases';
import { StateBadge } from './StateBadge';
import { CaseCardNotes } from './CaseCardNotes';
import { placeIn } from '../components/report-words';

/** Cases as large links: the device, where it is, its state and what comes next. */
export function CaseList({
  cases,
  hrefOf,
  label,
}: {
  cases: CaseSummary[];
  hrefOf(c: CaseSummary): string;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="case-list" aria-label={label}>
      {cases.map((c) => (
        <li key={c.caseId}>
          <Link className="case-card" href={hrefOf(c)} data-asset-tag={c.assetTag}>
            <span className="case-card-device">
              <span className="case-asset">{c.assetTag}</span> {c.deviceLabel}
            </span>
            <span className="case-card-where">
              {[placeIn(t, c.place), c.trackingId].filter(Boolean).join(' · ')}
            </span>
            <StateBadge state={c.state} />
            <span className="case-card-next">
              {c.nextAction
                ? t(c.nextAction.allowed ? 'cases.list.nextReady' : 'cases.list.nextBlocked', {
                    action: t(`steps.${c.nextAction.actionKey}`),
                  })
                : t('cases.next.closed')}
            </span>
            <CaseCardNotes flags={c.flags} recheckAt={c.recheckAt} assignee={c.assignee} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
