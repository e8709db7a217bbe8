import type Database from 'better-sqlite3';
import type { ReportHeader } from '../../api/domains/reports';
import type { CallContext } from '../core/context';
import { getSetting } from '../settings/settings';
import { incidentHead, type IncidentHead } from '../board/board-view';

/** The header every report carries: incident, period, who prepared it and when, where. */

export interface PeriodInput {
  incidentId: number;
  operationalPeriod?: { start: string; end: string } | undefined;
}

export interface ReportContext {
  head: IncidentHead;
  header: ReportHeader;
  /** The period as stored times (UTC ISO), comparable as text with audit event times. */
  period: { start: string; end: string };
  now: Date;
}

export function reportContext(ctx: CallContext, input: PeriodInput): ReportContext {
  const { db, clock } = ctx.services;
  const now = clock.now();
  const head = incidentHead(db, input.incidentId);
  const period = input.operationalPeriod
    ? {
        start: new Date(input.operationalPeriod.start).toISOString(),
        end: new Date(input.operationalPeriod.end).toISOString(),
      }
    : { start: head.period_start, end: head.period_end };
  const facility = getSetting<{ name?: unknown; timezone?: unknown }>(db, 'facility');
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    head,
    period,
    now,
    header: {
      incident: { id: head.id, name: head.name, status: head.status },
      operationalPeriod: period,
      preparedBy: preparedBy(ctx),
      preparedAt: now.toISOString(),
      timeZone: text(facility?.timezone),
      facility: text(facility?.name),
    },
  };
}

function preparedBy(ctx: CallContext): ReportHeader['preparedBy'] {
  if (ctx.user) {
    return { userId: ctx.user.id, name: ctx.user.displayName, role: ctx.user.role };
  }
  const name = ctx.caller.kind === 'operator' ? ctx.caller.osUser : 'unknown';
  return { userId: null, name, role: 'operator' };
}

/** Asset tag of every case of the incident, for wording events that name only the case id. */
export function assetTags(db: Database.Database, incidentId: number): Map<number, string> {
  const rows = db
    .prepare(
      `SELECT c.id, d.asset_tag FROM cases c JOIN devices d ON d.id = c.device_id
        WHERE c.incident_id = ?`,
    )
    .all(incidentId) as { id: number; asset_tag: string }[];
  return new Map(rows.map((r) => [r.id, r.asset_tag]));
}

/** Display names of every user (a small table), for "who" in the logs. */
export function userNames(db: Database.Database): Map<number, string> {
  const rows = db.prepare('SELECT id, display_name FROM users').all() as {
    id: number;
    display_name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
