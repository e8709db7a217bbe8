import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../electron/api/domains/cases';
import { StateBadge } from './StateBadge';
import { CaseCardNotes } from './CaseCardNotes';
import { CaseCardHead, CaseCardNext, type CaseCardListProps } from './CaseCardParts';
import { placeIn } from '../components/report-words';

/** Cases as large links: the device, where it is, its state and what comes next. */
export function CaseList({ cases, hrefOf, label }: CaseCardListProps<CaseSummary>) {
  const { t } = useTranslation();
  return (
    <ul className="case-list" aria-label={label}>
      {cases.map((c) => (
        <li key={c.caseId}>
          <Link className="case-card" href={hrefOf(c)} data-asset-tag={c.assetTag}>
            <CaseCardHead
              assetTag={c.assetTag}
              device={c.deviceLabel}
              where={[placeIn(t, c.place), c.trackingId]}
            />
            <StateBadge state={c.state} />
            <CaseCardNext nextAction={c.nextAction} />
            <CaseCardNotes flags={c.flags} recheckAt={c.recheckAt} assignee={c.assignee} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
