import type Database from 'better-sqlite3';
import { appendAuditEvent, systemActor } from '../electron/services/audit/append';

/**
 * A long audit history for the benches, in one transaction: `count` events by the system, each
 * about entity `i % 5000` of `entityType`, with a small checklist-like payload.
 */
export function appendSystemEvents(
  db: Database.Database,
  count: number,
  event: { action: string; entityType: string },
  at = new Date('2026-11-28T08:00:00Z'),
): void {
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      appendAuditEvent(db, at, {
        actor: systemActor,
        ...event,
        entityId: String(i % 5000),
        payload: { item: 'backup.config_taken', answer: true, seq: i },
      });
    }
  })();
}
