import type Database from 'better-sqlite3';
import type { CaseAssignResult, CaseDetail } from '../../api/domains/cases';
import type { ParsedInputOf } from '../../api/methods';
import type { AuditInput } from '../audit/append';
import { mutate, type CallContext } from '../core/context';
import { notFound, wordedError } from '../core/errors';
import { getDevice } from '../devices/devices';
import { findUser } from '../people/users';
import { assertChangeable, getCaseDetail, type StationRequestRef } from './case-actions';
import { caseSummary } from './case-list';
import { findOpenCase, getAdvisoryRef, insertCase } from './case-open';
import { findCaseRow, getCaseRow, insertStayingHistory, type CaseRow } from './case-store';
import { latestTemplate, loadWorkflowResources } from './workflow-resources';

/** The commander's and the leads' decisions on cases: assignment, re-review, adding a device. */

export function assignCases(
  ctx: CallContext,
  input: ParsedInputOf<'cases.assign'>,
  /** Set when another station's commander asked for it: recorded with the assignment. */
  request?: StationRequestRef,
): CaseAssignResult {
  const { db, clock, resourcesDir } = ctx.services;
  let assignee: CaseAssignResult['assignee'] = null;
  if (input.assigneeUserId !== null) {
    const user = findUser(db, input.assigneeUserId);
    if (!user || !user.active) {
      throw wordedError(
        'invalid_input',
        user ? 'assigneeDeactivated' : 'assigneeMissing',
        { id: input.assigneeUserId },
        { field: 'assigneeUserId' },
      );
    }
    if (!user.roles.some((r) => r !== 'admin')) {
      throw wordedError(
        'invalid_input',
        'assigneeAdminOnly',
        { name: user.displayName },
        { field: 'assigneeUserId' },
      );
    }
    assignee = { userId: user.id, name: user.displayName };
  }
  const ids = [...new Set(input.caseIds)];
  const at = clock.now().toISOString();
  mutate(ctx, () => {
    const audit: Omit<AuditInput, 'actor'>[] = [];
    for (const id of ids) {
      const row = getCaseRow(db, id);
      assertChangeable(row);
      if (row.assignee_user_id === input.assigneeUserId) continue;
      db.prepare('UPDATE cases SET assignee_user_id = ?, updated_at = ? WHERE id = ?').run(
        input.assigneeUserId,
        at,
        id,
      );
      const detail = {
        assignee: assignee,
        previous:
          row.assignee_user_id === null
            ? null
            : { userId: row.assignee_user_id, name: row.assignee_name },
        ...(request !== undefined ? { request } : {}),
      };
      insertStayingHistory(db, row, { event: 'assigned', at, ...ctx.actor, detail });
      audit.push({
        action: 'case.assigned',
        entityType: 'case',
        entityId: id,
        payload: { assetTag: row.asset_tag, ...detail },
      });
    }
    return { value: undefined, audit };
  });
  const resources = loadWorkflowResources(resourcesDir);
  const now = clock.now();
  return {
    assignee,
    cases: ids.map((id) => caseSummary(db, getCaseRow(db, id), resources, now)),
  };
}

/**
 * A biomed engineer or IT security has read the newer revision and says what it means for this
 * device: the case then relies on it (so sign-offs given on the older one become stale).
 */
export function acknowledgeRevision(
  ctx: CallContext,
  input: ParsedInputOf<'cases.acknowledgeRevision'>,
): CaseDetail {
  return acknowledgeReviewFlag(ctx, input.caseId, input.note, {
    action: 'case.revision_acknowledged',
    assertFlagged(row) {
      if (row.review_revision_id === null) {
        throw wordedError(
          'conflict',
          'notFlagged',
          { assetTag: row.asset_tag, trackingId: row.tracking_id, version: row.advisory_version },
          { caseId: row.id, reason: 'not_flagged' },
        );
      }
      if (input.version !== row.current_version) {
        throw wordedError(
          'conflict',
          'notCurrentRevision',
          { trackingId: row.tracking_id, current: row.current_version, given: input.version },
          { caseId: row.id, field: 'version', currentVersion: row.current_version },
        );
      }
    },
    clear(db, row, at) {
      db.prepare(
        `UPDATE cases SET advisory_revision_id = ?, review_revision_id = NULL, review_flagged_at = NULL,
           updated_at = ? WHERE id = ?`,
      ).run(row.current_revision_id, at, row.id);
    },
    detail: (row) => ({ fromVersion: row.advisory_version, toVersion: row.current_version }),
  });
}

/** One kind of review flag on a case (a newer advisory revision, a newer KEV catalog). */
export interface ReviewFlag {
  /** The audit action of its acknowledgement. */
  action: string;
  /** Refuses a case that is not flagged, or flagged by something other than what was reviewed. */
  assertFlagged(row: CaseRow): void;
  clear(db: Database.Database, row: CaseRow, at: string): void;
  /** What the history entry and the audit event record of the flag. */
  detail(row: CaseRow): Record<string, unknown>;
}

/**
 * Someone who may review says they read what flagged the case and what it means for the device:
 * the flag is cleared, and the case history and the audit trail record it with their note.
 */
export function acknowledgeReviewFlag(
  ctx: CallContext,
  caseId: number,
  note: string | undefined,
  flag: ReviewFlag,
): CaseDetail {
  const { db, clock } = ctx.services;
  mutate(ctx, () => {
    const row = getCaseRow(db, caseId);
    assertChangeable(row);
    flag.assertFlagged(row);
    const at = clock.now().toISOString();
    flag.clear(db, row, at);
    const detail = { ...flag.detail(row), ...(note ? { note } : {}) };
    insertStayingHistory(db, row, { event: 'review_acknowledged', at, ...ctx.actor, detail });
    return {
      value: undefined,
      audit: {
        action: flag.action,
        entityType: 'case',
        entityId: row.id,
        payload: { assetTag: row.asset_tag, trackingId: row.tracking_id, ...detail },
      },
    };
  });
  return getCaseDetail(ctx, caseId);
}

/** A device the matching did not confirm, added by hand with the advisory it is exposed to. */
export function addDeviceToIncident(
  ctx: CallContext,
  input: ParsedInputOf<'cases.addDevice'>,
): CaseDetail {
  const { db, clock, resourcesDir } = ctx.services;
  const template = latestTemplate(loadWorkflowResources(resourcesDir));
  const caseId = mutate(ctx, () => {
    const incident = db
      .prepare('SELECT id, name, status FROM incidents WHERE id = ?')
      .get(input.incidentId) as { id: number; name: string; status: string } | undefined;
    if (!incident) throw notFound('incident', input.incidentId);
    if (incident.status === 'closed') {
      throw wordedError('conflict', 'incidentClosedOpenNew', { name: incident.name });
    }
    const device = getDevice(db, input.deviceId);
    const advisory = getAdvisoryRef(db, input.advisoryId, 'advisoryId');
    const open = findOpenCase(db, device.id, advisory.id);
    if (open) {
      throw wordedError(
        'conflict',
        'caseAlreadyOpen',
        {
          assetTag: device.assetTag,
          trackingId: advisory.trackingId,
          caseId: open.caseId,
          incident: open.incidentName,
        },
        { caseId: open.caseId },
      );
    }
    const earlier = db
      .prepare('SELECT id FROM cases WHERE incident_id = ? AND device_id = ? AND advisory_id = ?')
      .pluck()
      .get(incident.id, device.id, advisory.id) as number | undefined;
    if (earlier !== undefined) {
      throw wordedError(
        'conflict',
        'caseHadEarlier',
        { assetTag: device.assetTag, trackingId: advisory.trackingId, caseId: earlier },
        { caseId: earlier },
      );
    }
    const matchId = db
      .prepare(
        `SELECT id FROM matches WHERE device_id = ? AND advisory_id = ? AND status <> 'dismissed'`,
      )
      .pluck()
      .get(device.id, advisory.id) as number | undefined;
    db.prepare(
      'INSERT OR IGNORE INTO incident_advisories (incident_id, advisory_id) VALUES (?, ?)',
    ).run(incident.id, advisory.id);
    const opened = insertCase(
      db,
      {
        incidentId: incident.id,
        deviceId: device.id,
        assetTag: device.assetTag,
        advisoryId: advisory.id,
        trackingId: advisory.trackingId,
        revisionId: advisory.revisionId,
        version: advisory.version,
        matchId: matchId ?? null,
        template,
        reason: input.reason,
      },
      ctx.actor,
      clock.now().toISOString(),
    );
    return { value: opened.caseId, audit: opened.audit };
  });
  if (!findCaseRow(db, caseId)) throw new Error(`Case ${caseId} vanished after it was opened.`);
  return getCaseDetail(ctx, caseId);
}
