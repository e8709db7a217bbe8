import { appendAuditEvent, systemActor } from '../../audit/append';
import { allBoundRows } from '../../audit/row-images';
import type { Migration } from '../migrate';

/**
 * From this version on, every audit event carries the images of the bound rows its change
 * wrote. A database made before holds rows no event describes: one baseline event carries the
 * image of every bound row as it stands, so the replay check starts from it. (A later migration
 * that changes bound rows or columns appends such an event too.)
 */
export const migration009: Migration = {
  version: 9,
  name: 'records bound to the audit chain: baseline event',
  up(db) {
    const rows = allBoundRows(db);
    if (rows.length === 0) return;
    appendAuditEvent(db, new Date(), {
      actor: systemActor,
      action: 'audit.baseline',
      entityType: 'database',
      entityId: null,
      payload: { reason: 'records bound to the audit chain', rowCount: rows.length },
      extraRows: rows,
    });
  },
};
