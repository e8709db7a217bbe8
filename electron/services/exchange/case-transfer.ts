import type { CaseDetail } from '../../api/domains/cases';
import { getCaseDetail } from '../cases/case-actions';
import {
  assertChangeable,
  getCaseRow,
  insertStayingHistory,
  type CaseRow,
} from '../cases/case-store';
import { mutate, type CallContext } from '../core/context';
import { wordedError } from '../core/errors';
import { authenticate } from '../people/authenticate';
import { requireSelf } from '../stations/enrolment';
import { stationRow } from '../stations/station-store';

/**
 * One writer per case, handed on: the station that holds a case hands it to another station with
 * a signed event of its chain (`case.transferred`, carried in its bundle). From then on the case
 * no longer changes here (`assertChangeable`), and a later event of this station about it is
 * refused wherever its bundle arrives (`CaseHolding`). The receiving station, on importing that
 * event, opens a case of its own that continues it (case-adopt.ts).
 */

export const transferAction = 'case.transferred';

/**
 * The transfer is signed: a person confirms it with their PIN or password (as a sign-off is
 * given), and the event names them. The operator (the command line, with no person signed in)
 * hands a case on under the station's own signature alone.
 */
export async function transferCase(
  ctx: CallContext,
  input: {
    caseId: number;
    stationId: string;
    reason?: string | undefined;
    signoff?: { secret: string } | undefined;
  },
): Promise<CaseDetail> {
  const { db } = ctx.services;
  const row = getCaseRow(db, input.caseId);
  assertChangeable(row);
  const target = targetStation(ctx, row.asset_tag, input.stationId);
  const reason = input.reason?.trim() || null;
  const hand = () => handOn(ctx, row, target, reason);
  if (ctx.user) {
    if (!input.signoff) {
      throw wordedError(
        'invalid_input',
        'transferNeedsSecret',
        { assetTag: row.asset_tag },
        { field: 'signoff' },
      );
    }
    await authenticate(ctx, { userId: ctx.user.id }, input.signoff.secret, 'signoff', () => {
      hand();
      return () => undefined;
    });
  } else {
    hand();
  }
  return getCaseDetail(ctx, row.id);
}

/** The enrolled, non-revoked station other than this one that the case is handed to. */
function targetStation(ctx: CallContext, assetTag: string, stationId: string) {
  const { db } = ctx.services;
  const self = requireSelf(ctx.services);
  if (stationId === self.station_id) {
    throw wordedError('invalid_input', 'transferToSelf', { assetTag }, { field: 'stationId' });
  }
  const target = stationRow(db, stationId);
  if (!target?.certificate_der) {
    throw wordedError('not_found', 'transferStationUnknown', { stationId }, { field: 'stationId' });
  }
  if (target.revoked_at) {
    throw wordedError(
      'conflict',
      'transferStationRevoked',
      { station: target.name },
      { field: 'stationId' },
    );
  }
  return target;
}

function handOn(
  ctx: CallContext,
  row: CaseRow,
  target: { station_id: string; name: string },
  reason: string | null,
): void {
  const { db, clock } = ctx.services;
  mutate(ctx, () => {
    const at = clock.now().toISOString();
    // Handed back: to the station this case came from.
    const back =
      db
        .prepare<[number], string | null>('SELECT transferred_from_station FROM cases WHERE id = ?')
        .pluck()
        .get(row.id) === target.station_id;
    db.prepare('UPDATE cases SET transferred_to = ?, updated_at = ? WHERE id = ?').run(
      target.station_id,
      at,
      row.id,
    );
    insertStayingHistory(db, row, {
      event: 'handed_over',
      at,
      userId: ctx.actor.userId,
      role: ctx.actor.role,
      detail: {
        station: target.name,
        stationId: target.station_id,
        ...(back ? { back } : {}),
        ...(reason ? { reason } : {}),
      },
    });
    return {
      value: undefined,
      audit: {
        action: transferAction,
        entityType: 'case',
        entityId: row.id,
        payload: {
          toStation: target.station_id,
          toStationName: target.name,
          assetTag: row.asset_tag,
          trackingId: row.tracking_id,
          state: row.state,
          reason,
        },
      },
    };
  });
}
