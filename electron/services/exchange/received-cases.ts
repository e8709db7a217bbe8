import type Database from 'better-sqlite3';
import type { ReceivedCase } from '../../api/domains/exchange';
import { caseSubjectId, isWorkflowSignoffKind } from '../cases/case-content';
import { heldHere } from '../cases/held-here';

/**
 * The cases other stations handed to this one that it opened (or reopened, handed back), read
 * from its own `case.received` events: what came with each and what could not (sign-offs whose
 * signer has no account here, the assignee). The import report lists those an import opened; the
 * Exchange page those whose sign-offs do not all count here.
 */

interface ReceivedPayload {
  fromStation?: string;
  fromStationName?: string;
  assetTag?: string;
  trackingId?: string;
  handedBack?: boolean;
  assigneeNotCarried?: boolean;
  signoffsNotCarried?: { kind: string; name: string }[];
}

/** The cases received after the event `afterEventId` of this station's chain, oldest first. */
export function receivedCases(db: Database.Database, afterEventId = 0): ReceivedCase[] {
  return receptions(db, afterEventId).map(({ eventId: _eventId, ...r }) => r);
}

/** The same, each with its `case.received` event. */
function receptions(
  db: Database.Database,
  afterEventId: number,
): (ReceivedCase & { eventId: number })[] {
  return db
    .prepare<[number], { id: number; entity_id: string; time: string; payload: string }>(
      `SELECT id, entity_id, body ->> '$.time' AS time, body ->> '$.payload' AS payload
         FROM audit_events
        WHERE id > ? AND entity_type = 'case' AND body ->> '$.action' = 'case.received'
        ORDER BY id`,
    )
    .all(afterEventId)
    .map((row) => {
      const p = JSON.parse(row.payload) as ReceivedPayload;
      return {
        eventId: row.id,
        caseId: Number(row.entity_id),
        fromStationId: p.fromStation ?? '',
        fromStationName: p.fromStationName ?? p.fromStation ?? '',
        assetTag: p.assetTag ?? '',
        trackingId: p.trackingId ?? '',
        receivedAt: row.time,
        handedBack: p.handedBack === true,
        signoffsNotCarried: p.signoffsNotCarried ?? [],
        assigneeNotCarried: p.assigneeNotCarried === true,
      };
    });
}

/**
 * Received cases still held here whose sign-offs given at the other station do not all count
 * here, newest first (the latest reception of a case only), each naming only the sign-offs not
 * given again here since. A case drops off once every one is given again, or once it leaves
 * (handed on, or the commander chose another station to hold it: held-here.ts).
 */
export function casesWithSignoffsNotCarried(db: Database.Database): ReceivedCase[] {
  const held = db
    .prepare<[number], number>(`SELECT 1 FROM cases c WHERE c.id = ? AND ${heldHere}`)
    .pluck();
  // A sign-off of that kind on the case, given here after the case was received.
  const givenAgain = db
    .prepare<[string, number], number>(
      `SELECT 1 FROM audit_events
        WHERE entity_type = 'case' AND entity_id = ? AND id > ?
          AND body ->> '$.action' = 'signoff.given' LIMIT 1`,
    )
    .pluck();
  const latest = new Map<number, ReceivedCase & { eventId: number }>();
  for (const r of receptions(db, 0)) latest.set(r.caseId, r);
  const out: ReceivedCase[] = [];
  for (const { eventId, ...r } of latest.values()) {
    if (r.signoffsNotCarried.length === 0 || held.get(r.caseId) === undefined) continue;
    const missing = r.signoffsNotCarried.filter(
      (s) =>
        !isWorkflowSignoffKind(s.kind) ||
        givenAgain.get(caseSubjectId(r.caseId, s.kind), eventId) === undefined,
    );
    if (missing.length > 0) out.push({ ...r, signoffsNotCarried: missing });
  }
  return out.reverse();
}

/** The last event of this station's chain. */
export function ownHeadId(db: Database.Database): number {
  return (
    db.prepare<[], number>('SELECT last_id FROM audit_head WHERE singleton = 1').pluck().get() ?? 0
  );
}
