import type Database from 'better-sqlite3';
import { systemActor, type AuditInput } from '../audit/append';
import { mutate, type Services } from '../core/context';
import { englishErrorWords } from '../../api/error-words';
import type { SelfRow } from '../stations/station-store';

/**
 * The commander's choice in a case conflict (case-conflicts.ts), arriving in the command post's
 * bundle: at a station that lost, its case for that device and advisory stops being worked here
 * (read-only, see assertChangeable, with a notice naming the station that holds it); at the
 * station chosen, a case an earlier choice had given away is worked here again. Run inside the
 * import transaction; each change with its audit event, by the station itself, so the command
 * post sees in this station's next bundle that it was told.
 */

export interface Choice {
  assetTag: string;
  trackingId: string;
  stationId: string;
  stationName: string;
  reason: string | null;
}

function readChoice(payload: unknown): Choice | null {
  const p = payload as Partial<Choice> | undefined;
  if (
    !p ||
    typeof p.assetTag !== 'string' ||
    typeof p.trackingId !== 'string' ||
    typeof p.stationId !== 'string' ||
    typeof p.stationName !== 'string'
  ) {
    return null;
  }
  return { ...p, reason: typeof p.reason === 'string' ? p.reason : null } as Choice;
}

function casesFor(db: Database.Database, c: Choice): { id: number; held: string | null }[] {
  return db
    .prepare<[string, string], { id: number; held: string | null }>(
      `SELECT c.id, h.station_id AS held FROM cases c
         JOIN devices d ON d.id = c.device_id
         JOIN advisories a ON a.id = c.advisory_id
         LEFT JOIN case_held_elsewhere h ON h.case_id = c.id
        WHERE d.asset_tag = ? AND a.tracking_id = ? ORDER BY c.id`,
    )
    .all(c.assetTag, c.trackingId);
}

/**
 * Make this station's cases for the chosen pair follow the choice: returns the audit events of
 * what changed (none when they already did), to be written in the caller's transaction.
 */
export function settleLocalCases(
  db: Database.Database,
  selfId: string,
  choice: Choice,
  at: string,
): Omit<AuditInput, 'actor'>[] {
  const here = choice.stationId === selfId;
  const cases = casesFor(db, choice).filter((k) =>
    here ? k.held !== null : k.held !== choice.stationId,
  );
  return cases.map((k) => {
    if (here) {
      db.prepare('DELETE FROM case_held_elsewhere WHERE case_id = ?').run(k.id);
    } else {
      db.prepare(
        `INSERT INTO case_held_elsewhere (case_id, station_id, station_name, reason, decided_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (case_id) DO UPDATE SET station_id = excluded.station_id,
           station_name = excluded.station_name, reason = excluded.reason,
           decided_at = excluded.decided_at`,
      ).run(k.id, choice.stationId, choice.stationName, choice.reason, at);
    }
    return {
      action: here ? 'case.held_here_again' : 'case.held_elsewhere',
      entityType: 'case',
      entityId: k.id,
      payload: {
        assetTag: choice.assetTag,
        trackingId: choice.trackingId,
        heldBy: { stationId: choice.stationId, stationName: choice.stationName },
        reason: choice.reason,
        decidedAt: at,
      },
    };
  });
}

/**
 * Only the station holding the organisation identity (`from.commandPost`, from its certificate)
 * chooses: another station's choice changes nothing here, and is refused by an event of this
 * station's chain naming it, so the refusal travels back in the next bundle.
 */
export function applyConflictChoices(
  services: Services,
  self: SelfRow,
  from: { id: string; name: string; commandPost: boolean },
  events: readonly { action: string; time: string; payload: unknown }[],
): void {
  const ctx = { services, actor: systemActor };
  for (const e of events) {
    if (e.action !== 'case_conflict.decided') continue;
    const choice = readChoice(e.payload);
    if (!choice) continue;
    if (!from.commandPost) {
      refuseChoice(ctx, from, choice);
      continue;
    }
    mutate(ctx, () => ({
      value: undefined,
      audit: settleLocalCases(services.db, self.station_id, choice, e.time),
    }));
  }
}

function refuseChoice(
  ctx: { services: Services; actor: typeof systemActor },
  from: { id: string; name: string },
  choice: Choice,
): void {
  const words = { key: 'choiceNotFromCommandPost' as const, params: { station: from.name } };
  mutate(ctx, () => ({
    value: undefined,
    audit: {
      action: 'case_conflict.choice_refused',
      entityType: 'device',
      entityId: choice.assetTag,
      payload: {
        assetTag: choice.assetTag,
        trackingId: choice.trackingId,
        from: { stationId: from.id, stationName: from.name },
        chosen: { stationId: choice.stationId, stationName: choice.stationName },
        reason: englishErrorWords(words),
        words,
      },
    },
  }));
}
