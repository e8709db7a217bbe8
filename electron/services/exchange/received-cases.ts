import type Database from 'better-sqlite3';
import type { ReceivedCase } from '../../api/domains/exchange';

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
  return db
    .prepare<[number], { entity_id: string; time: string; payload: string }>(
      `SELECT entity_id, body ->> '$.time' AS time, body ->> '$.payload' AS payload
         FROM audit_events
        WHERE id > ? AND entity_type = 'case' AND body ->> '$.action' = 'case.received'
        ORDER BY id`,
    )
    .all(afterEventId)
    .map((row) => {
      const p = JSON.parse(row.payload) as ReceivedPayload;
      return {
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
 * here, newest first (the latest reception of a case only).
 */
export function casesWithSignoffsNotCarried(db: Database.Database): ReceivedCase[] {
  const held = db.prepare<[number], number>(
    'SELECT 1 FROM cases WHERE id = ? AND transferred_to IS NULL',
  );
  const latest = new Map<number, ReceivedCase>();
  for (const r of receivedCases(db)) latest.set(r.caseId, r);
  return [...latest.values()]
    .filter((r) => r.signoffsNotCarried.length > 0 && held.pluck().get(r.caseId) !== undefined)
    .reverse();
}

/** The last event of this station's chain. */
export function ownHeadId(db: Database.Database): number {
  return (
    db.prepare<[], number>('SELECT last_id FROM audit_head WHERE singleton = 1').pluck().get() ?? 0
  );
}
