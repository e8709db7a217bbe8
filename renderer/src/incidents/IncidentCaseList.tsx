import { Link } from 'react-aria-components';
import type { BoardRow } from '../../../electron/api/domains/board';
import { StationLabel } from '../board/StationLabel';
import { StateBadge } from '../cases/StateBadge';
import { CaseCardNotes } from '../cases/CaseCardNotes';
import { CaseCardHead, CaseCardNext, type CaseCardListProps } from '../cases/CaseCardParts';

/**
 * The incident's cases over the facility, as large cards: the device, where it is, its state,
 * its station and what comes next. A case held here opens; one another station holds is shown,
 * not opened (it is worked there), and says where in one phrase (StationLabel).
 */
export function IncidentCaseList({ cases, hrefOf, label }: CaseCardListProps<BoardRow>) {
  return (
    <ul className="case-list" aria-label={label}>
      {cases.map((c) => {
        const device = [c.vendor, c.model].filter(Boolean).join(' ');
        const place = [c.site, c.building, c.floor, c.room].filter(Boolean).join(', ');
        const body = (
          <>
            <CaseCardHead
              assetTag={c.assetTag}
              device={device}
              where={[place, c.advisory.trackingId]}
            />
            <StateBadge state={c.state} />
            <StationLabel
              station={c.station}
              heldHere={c.heldHere}
              className="case-card-station"
              testId="incident-case-station"
            />
            {/* A case held elsewhere has its next step there: its station line says where. */}
            {c.nextAction || c.heldHere ? <CaseCardNext nextAction={c.nextAction} /> : null}
            <CaseCardNotes flags={c.flags} recheckAt={c.recheckAt} assignee={c.assignee} />
          </>
        );
        const key = `${c.station?.id ?? ''}/${c.caseId}`;
        return (
          <li key={key}>
            {c.heldHere ? (
              <Link className="case-card" href={hrefOf(c)} data-asset-tag={c.assetTag}>
                {body}
              </Link>
            ) : (
              <div
                className="case-card case-card-elsewhere"
                data-asset-tag={c.assetTag}
                data-station={c.station?.name}
              >
                {body}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
