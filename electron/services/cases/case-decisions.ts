import type { CaseAssignResult, CaseDetail } from '../../api/domains/cases';
import type { ParsedInputOf } from '../../api/methods';
import type { AuditInput } from '../audit/append';
import { mutate, type CallContext } from '../core/context';
import { ServiceError } from '../core/errors';
import { getDevice } from '../devices/devices';
import { findUser } from '../people/users';
import { assertChangeable, getCaseDetail } from './case-actions';
import { caseSummary } from './case-list';
import { findOpenCase, getAdvisoryRef, insertCase } from './case-open';
import { findCaseRow, getCaseRow, insertHistory } from './case-store';
import { latestTemplate, loadWorkflowResources } from './workflow-resources';

/** The commander's and the leads' decisions on cases: assignment, re-review, adding a device. */

export function assignCases(
  ctx: CallContext,
  input: ParsedInputOf<'cases.assign'>,
): CaseAssignResult {
  const { db, clock, resourcesDir } = ctx.services;
  let assignee: CaseAssignResult['assignee'] = null;
  if (input.assigneeUserId !== null) {
    const user = findUser(db, input.assigneeUserId);
    if (!user || !user.active) {
      throw new ServiceError(
        'invalid_input',
        `assigneeUserId: user ${input.assigneeUserId} ${user ? 'is deactivated' : 'does not exist'}; choose an active user.`,
        { field: 'assigneeUserId' },
      );
    }
    if (!user.roles.some((r) => r !== 'admin')) {
      throw new ServiceError(
        'invalid_input',
        `assigneeUserId: ${user.displayName} is only an administrator; assign devices to someone who works cases.`,
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
      };
      insertHistory(db, {
        caseId: id,
        event: 'assigned',
        fromState: row.state,
        toState: row.state,
        at,
        userId: ctx.actor.userId,
        role: ctx.actor.role,
        detail,
      });
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
  const { db, clock } = ctx.services;
  mutate(ctx, () => {
    const row = getCaseRow(db, input.caseId);
    assertChangeable(row);
    if (row.review_revision_id === null) {
      throw new ServiceError(
        'conflict',
        `The case of ${row.asset_tag} is not waiting for a re-review: it relies on ${row.tracking_id} revision ${row.advisory_version}, the current one.`,
        { caseId: row.id, reason: 'not_flagged' },
      );
    }
    if (input.version !== row.current_version) {
      throw new ServiceError(
        'conflict',
        `version: the current revision of ${row.tracking_id} is ${row.current_version}, not ${input.version}. Review revision ${row.current_version} and acknowledge that one.`,
        { caseId: row.id, field: 'version', currentVersion: row.current_version },
      );
    }
    const at = clock.now().toISOString();
    db.prepare(
      `UPDATE cases SET advisory_revision_id = ?, review_revision_id = NULL, review_flagged_at = NULL,
         updated_at = ? WHERE id = ?`,
    ).run(row.current_revision_id, at, row.id);
    const detail = {
      fromVersion: row.advisory_version,
      toVersion: row.current_version,
      ...(input.note ? { note: input.note } : {}),
    };
    insertHistory(db, {
      caseId: row.id,
      event: 'review_acknowledged',
      fromState: row.state,
      toState: row.state,
      at,
      userId: ctx.actor.userId,
      role: ctx.actor.role,
      detail,
    });
    return {
      value: undefined,
      audit: {
        action: 'case.revision_acknowledged',
        entityType: 'case',
        entityId: row.id,
        payload: { assetTag: row.asset_tag, trackingId: row.tracking_id, ...detail },
      },
    };
  });
  return getCaseDetail(ctx, input.caseId);
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
    if (!incident)
      throw new ServiceError('not_found', `Incident ${input.incidentId} was not found.`);
    if (incident.status === 'closed') {
      throw new ServiceError(
        'conflict',
        `The incident "${incident.name}" is closed: open a new one.`,
      );
    }
    const device = getDevice(db, input.deviceId);
    const advisory = getAdvisoryRef(db, input.advisoryId, 'advisoryId');
    const open = findOpenCase(db, device.id, advisory.id);
    if (open) {
      throw new ServiceError(
        'conflict',
        `${device.assetTag} already has an open case for ${advisory.trackingId} (case ${open.caseId}, incident "${open.incidentName}").`,
        { caseId: open.caseId },
      );
    }
    const earlier = db
      .prepare('SELECT id FROM cases WHERE incident_id = ? AND device_id = ? AND advisory_id = ?')
      .pluck()
      .get(incident.id, device.id, advisory.id) as number | undefined;
    if (earlier !== undefined) {
      throw new ServiceError(
        'conflict',
        `${device.assetTag} already had a case for ${advisory.trackingId} in this incident (case ${earlier}, closed); open a new incident if it needs attention again.`,
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
