import type Database from 'better-sqlite3';
import { caseStates, type CaseState } from '../../api/domains/cases';
import type { IncidentCreateResult, IncidentSummary } from '../../api/domains/incidents';
import type { ParsedInputOf } from '../../api/methods';
import type { AuditInput } from '../audit/append';
import { mutate, type CallContext } from '../core/context';
import { notFound, wordedError } from '../core/errors';
import { findUser } from '../people/users';
import { findOpenCase, getAdvisoryRef, insertCase } from '../cases/case-open';
import { latestTemplate, loadWorkflowResources } from '../cases/workflow-resources';
import { hicsCounts, stateCounts, type IncidentHead } from '../board/board-view';
import { overdueSql, reReviewSql } from '../board/board-query';
import { remoteSqlList } from '../board/remote-attention';
import { heldHere, heldHereSql } from '../cases/held-here';

/** Incidents: opened from advisories (one case per confirmed match), listed, closed. */

interface IncidentRow extends IncidentHead {
  summary: string | null;
  created_at: string;
  closed_at: string | null;
}

const incidentSelect = `
  SELECT i.id, i.name, i.status, i.commander_user_id, u.display_name AS commander_name,
         i.period_start, i.period_end, i.summary, i.created_at, i.closed_at
    FROM incidents i JOIN users u ON u.id = i.commander_user_id`;

function toSummary(db: Database.Database, row: IncidentRow, now: Date): IncidentSummary {
  // Counted as the board counts them: this station's cases and those other stations hold.
  const countsByState = stateCounts(db, row.id);
  const countsByHics251 = hicsCounts(countsByState);
  const caseCount = caseStates.reduce((sum, s) => sum + countsByState[s], 0);
  const flagged = db
    .prepare(
      `SELECT
         sum(review_revision_id IS NOT NULL AND state <> 'returned_to_service') AS needsReReview,
         sum(state = 'deferred' AND recheck_at IS NOT NULL AND recheck_at <= ?) AS recheckOverdue
         FROM cases WHERE incident_id = ? AND ${heldHereSql('cases')}`,
    )
    .get(now.toISOString(), row.id) as {
    needsReReview: number | null;
    recheckOverdue: number | null;
  };
  const elsewhere = (where: string, params: string[]) =>
    remoteSqlList(db, row.id, now, { where, params, order: 'c.id' }, 0).count;
  const advisories = db
    .prepare(
      `SELECT a.id, a.tracking_id AS trackingId, r.version, r.title
         FROM incident_advisories ia JOIN advisories a ON a.id = ia.advisory_id
         JOIN advisory_revisions r ON r.id = a.current_revision_id
        WHERE ia.incident_id = ? ORDER BY a.tracking_id`,
    )
    .all(row.id) as IncidentSummary['advisories'];
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    commander: { userId: row.commander_user_id, name: row.commander_name },
    operationalPeriod: { start: row.period_start, end: row.period_end },
    advisories,
    caseCount,
    openCaseCount: caseCount - countsByState.returned_to_service,
    countsByState,
    countsByHics251,
    flagged: {
      needsReReview: (flagged.needsReReview ?? 0) + elsewhere(reReviewSql, []),
      recheckOverdue: (flagged.recheckOverdue ?? 0) + elsewhere(overdueSql, [now.toISOString()]),
    },
    summary: row.summary,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

export function getIncident(db: Database.Database, id: number, now: Date): IncidentSummary {
  const row = db.prepare(`${incidentSelect} WHERE i.id = ?`).get(id) as IncidentRow | undefined;
  if (!row) throw notFound('incident', id);
  return toSummary(db, row, now);
}

export function listIncidents(
  db: Database.Database,
  status: 'open' | 'closed' | undefined,
  now: Date,
): IncidentSummary[] {
  const rows = (
    status === undefined
      ? db.prepare(`${incidentSelect} ORDER BY i.id DESC`).all()
      : db.prepare(`${incidentSelect} WHERE i.status = ? ORDER BY i.id DESC`).all(status)
  ) as IncidentRow[];
  return rows.map((r) => toSummary(db, r, now));
}

export function findIncidentByName(db: Database.Database, name: string): number | undefined {
  return db.prepare('SELECT id FROM incidents WHERE name = ?').pluck().get(name.trim()) as
    number | undefined;
}

interface ConfirmedMatch {
  matchId: number;
  deviceId: number;
  assetTag: string;
}

/**
 * Open an incident and one case per confirmed match of its advisories. A device that already has
 * an open case for the advisory (in another incident) is skipped and reported, not opened twice.
 */
export function createIncident(
  ctx: CallContext,
  input: ParsedInputOf<'incidents.create'>,
): IncidentCreateResult {
  const { db, clock, resourcesDir } = ctx.services;
  const commander = findUser(db, input.commanderUserId);
  if (!commander?.active || !commander.roles.includes('incident_commander')) {
    const key = !commander
      ? 'commanderMissing'
      : commander.active
        ? 'commanderNotCommander'
        : 'commanderDeactivated';
    throw wordedError(
      'invalid_input',
      key,
      { id: input.commanderUserId, name: commander?.displayName ?? '' },
      { field: 'commanderUserId' },
    );
  }
  const start = new Date(input.operationalPeriod.start);
  const end = new Date(input.operationalPeriod.end);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) {
    throw wordedError('invalid_input', 'periodEndBeforeStart', {}, { field: 'operationalPeriod' });
  }
  const template = latestTemplate(loadWorkflowResources(resourcesDir));
  const now = clock.now();
  const at = now.toISOString();
  const result = mutate(ctx, () => {
    const existing = findIncidentByName(db, input.name);
    if (existing !== undefined) {
      throw wordedError(
        'conflict',
        'incidentNameTaken',
        { name: input.name.trim(), id: existing },
        { field: 'name', incidentId: existing },
      );
    }
    const advisories = [...new Set(input.advisoryIds)].map((id, i) =>
      getAdvisoryRef(db, id, `advisoryIds[${i}]`),
    );
    const incidentId = Number(
      db
        .prepare(
          `INSERT INTO incidents (name, commander_user_id, period_start, period_end, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.name.trim(),
          commander.id,
          start.toISOString(),
          end.toISOString(),
          ctx.actor.userId,
          at,
        ).lastInsertRowid,
    );
    const audit: Omit<AuditInput, 'actor'>[] = [];
    const skipped: IncidentCreateResult['skipped'] = [];
    const caseIds: number[] = [];
    for (const advisory of advisories) {
      db.prepare('INSERT INTO incident_advisories (incident_id, advisory_id) VALUES (?, ?)').run(
        incidentId,
        advisory.id,
      );
      const matches = db
        .prepare(
          `SELECT m.id AS matchId, m.device_id AS deviceId, d.asset_tag AS assetTag
             FROM matches m JOIN devices d ON d.id = m.device_id
            WHERE m.advisory_id = ? AND m.status = 'confirmed' ORDER BY d.asset_tag`,
        )
        .all(advisory.id) as ConfirmedMatch[];
      for (const m of matches) {
        const open = findOpenCase(db, m.deviceId, advisory.id);
        if (open) {
          skipped.push({
            assetTag: m.assetTag,
            trackingId: advisory.trackingId,
            reason: `already has an open case for ${advisory.trackingId} in incident "${open.incidentName}"`,
          });
          continue;
        }
        const opened = insertCase(
          db,
          {
            incidentId,
            deviceId: m.deviceId,
            assetTag: m.assetTag,
            advisoryId: advisory.id,
            trackingId: advisory.trackingId,
            revisionId: advisory.revisionId,
            version: advisory.version,
            matchId: m.matchId,
            template,
          },
          ctx.actor,
          at,
        );
        caseIds.push(opened.caseId);
        audit.push(opened.audit);
      }
    }
    audit.unshift({
      action: 'incident.created',
      entityType: 'incident',
      entityId: incidentId,
      payload: {
        name: input.name.trim(),
        commanderUserId: commander.id,
        operationalPeriod: { start: start.toISOString(), end: end.toISOString() },
        advisories: advisories.map((a) => ({
          id: a.id,
          trackingId: a.trackingId,
          version: a.version,
        })),
        caseIds,
        skipped,
      },
    });
    return { value: { incidentId, casesOpened: caseIds.length, skipped }, audit };
  });
  return {
    incident: getIncident(db, result.incidentId, now),
    casesOpened: result.casesOpened,
    skipped: result.skipped,
  };
}

/** Close an incident once every case is closed (returned to service), with a closing summary. */
export function closeIncident(
  ctx: CallContext,
  input: ParsedInputOf<'incidents.close'>,
): IncidentSummary {
  const { db, clock } = ctx.services;
  const now = clock.now();
  mutate(ctx, () => {
    const incident = getIncident(db, input.id, now);
    if (incident.status === 'closed') {
      throw wordedError('conflict', 'incidentAlreadyClosed', { name: incident.name });
    }
    const open = db
      .prepare(
        `SELECT c.id AS caseId, d.asset_tag AS assetTag, c.state FROM cases c
           JOIN devices d ON d.id = c.device_id
          WHERE c.incident_id = ? AND c.state <> 'returned_to_service'
            AND ${heldHere} ORDER BY d.asset_tag`,
      )
      .all(input.id) as { caseId: number; assetTag: string; state: CaseState }[];
    if (open.length > 0) {
      const list = open.slice(0, 10).map((c) => `${c.assetTag} (${c.state})`);
      throw wordedError(
        'conflict',
        'incidentHasOpenCases',
        {
          name: incident.name,
          count: open.length,
          list: `${list.join(', ')}${open.length > 10 ? ', …' : ''}`,
        },
        { openCases: open },
      );
    }
    db.prepare(
      `UPDATE incidents SET status = 'closed', summary = ?, closed_by = ?, closed_at = ? WHERE id = ?`,
    ).run(input.summary, ctx.actor.userId, now.toISOString(), input.id);
    return {
      value: undefined,
      audit: {
        action: 'incident.closed',
        entityType: 'incident',
        entityId: input.id,
        payload: { name: incident.name, summary: input.summary, cases: incident.caseCount },
      },
    };
  });
  return getIncident(db, input.id, now);
}
