/** Test-only: audit events as the activity reports read them, to word one action. */
import type { IncidentEvent } from '../incident-events';

/** `action` on case 7, recorded at `at` by user 1, a biomed, with `payload`. */
export function caseEvent(
  at: string,
  action: string,
  payload: Record<string, unknown>,
): IncidentEvent {
  return {
    id: 1,
    at,
    actorUserId: 1,
    actorRole: 'biomed',
    action,
    entityType: 'case',
    caseId: 7,
    payload,
  };
}
