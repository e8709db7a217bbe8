import type Database from 'better-sqlite3';
import type { AuditInput } from '../audit/append';
import type { Actor } from '../audit/append';
import { wordedError } from '../core/errors';
import type { PlaybookTemplate } from '../playbooks/schema';
import { insertHistory } from './case-store';

/**
 * Opening a case: in `at_risk`, relying on the advisory's current revision and the latest
 * playbook template, both recorded on the case so that later changes to either never rewrite
 * what its decisions were taken on.
 */

export interface NewCase {
  incidentId: number;
  deviceId: number;
  assetTag: string;
  advisoryId: number;
  trackingId: string;
  revisionId: number;
  version: string;
  matchId: number | null;
  template: PlaybookTemplate;
  /** Set when a person added the device by hand. */
  reason?: string;
}

export function insertCase(
  db: Database.Database,
  c: NewCase,
  actor: Actor,
  now: string,
): { caseId: number; audit: Omit<AuditInput, 'actor'> } {
  const caseId = Number(
    db
      .prepare(
        `INSERT INTO cases (incident_id, device_id, advisory_id, advisory_revision_id, match_id,
           template_id, template_version, state, state_entered_at, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'at_risk', ?, ?, ?, ?)`,
      )
      .run(
        c.incidentId,
        c.deviceId,
        c.advisoryId,
        c.revisionId,
        c.matchId,
        c.template.id,
        c.template.version,
        now,
        actor.userId,
        now,
        now,
      ).lastInsertRowid,
  );
  const detail = {
    assetTag: c.assetTag,
    advisory: { id: c.advisoryId, trackingId: c.trackingId, version: c.version },
    template: { id: c.template.id, version: c.template.version },
    matchId: c.matchId,
    ...(c.reason !== undefined ? { byHand: true, reason: c.reason } : {}),
  };
  insertHistory(db, {
    caseId,
    event: 'opened',
    fromState: null,
    toState: 'at_risk',
    at: now,
    userId: actor.userId,
    role: actor.role,
    detail,
  });
  return {
    caseId,
    audit: {
      action: 'case.opened',
      entityType: 'case',
      entityId: caseId,
      payload: { incidentId: c.incidentId, deviceId: c.deviceId, ...detail },
    },
  };
}

/** The open case this device already has for this advisory, in any incident. */
export function findOpenCase(
  db: Database.Database,
  deviceId: number,
  advisoryId: number,
): { caseId: number; incidentName: string } | undefined {
  return db
    .prepare(
      `SELECT c.id AS caseId, i.name AS incidentName FROM cases c JOIN incidents i ON i.id = c.incident_id
        WHERE c.device_id = ? AND c.advisory_id = ? AND c.state <> 'returned_to_service'`,
    )
    .get(deviceId, advisoryId) as { caseId: number; incidentName: string } | undefined;
}

export interface AdvisoryRef {
  id: number;
  trackingId: string;
  revisionId: number;
  version: string;
}

export function getAdvisoryRef(
  db: Database.Database,
  advisoryId: number,
  field: string,
): AdvisoryRef {
  const ref = db
    .prepare(
      `SELECT a.id, a.tracking_id AS trackingId, r.id AS revisionId, r.version
         FROM advisories a JOIN advisory_revisions r ON r.id = a.current_revision_id WHERE a.id = ?`,
    )
    .get(advisoryId) as AdvisoryRef | undefined;
  if (!ref) {
    throw wordedError('not_found', 'advisoryNotImported', { id: advisoryId }, { field });
  }
  return ref;
}
