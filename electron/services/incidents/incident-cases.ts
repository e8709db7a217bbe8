import type { IncidentCasePage } from '../../api/domains/incidents';
import type { ParsedInputOf } from '../../api/methods';
import { caseStates } from '../../api/domains/cases';
import { facilityPage, facilityRows, incidentHead } from '../board/board-view';
import { anyHeldElsewhere } from '../cases/held-here';
import { loadWorkflowResources } from '../cases/workflow-resources';
import type { CallContext } from '../core/context';
import { isOpen } from '../workflow/states';

/**
 * `incidents.cases`: the incident page's list, the same cases its counts count (the board's
 * facility page, by asset tag): this station's cases it still holds, and those other stations
 * hold, each with its station. A case this station handed on or lost in a conflict is listed as
 * the station holding it now sends it, never as if it were still held here.
 */
export function incidentCases(
  ctx: CallContext,
  input: ParsedInputOf<'incidents.cases'>,
): IncidentCasePage {
  const { db, clock, resourcesDir } = ctx.services;
  const now = clock.now();
  const head = incidentHead(db, input.id);
  const resources = loadWorkflowResources(resourcesDir);
  return db.transaction(() => {
    const computed = { blocked: [], awaiting_signoff: [], heldElsewhere: anyHeldElsewhere(db) };
    const filters = input.openOnly ? { states: caseStates.filter(isOpen) } : undefined;
    const { keys, filteredCounts } = facilityPage(
      db,
      { incidentId: head.id, filters, offset: input.offset, limit: input.limit },
      head.id,
      now,
      computed,
      () => 0,
    );
    return {
      total: caseStates.reduce((sum, s) => sum + filteredCounts[s], 0),
      cases: facilityRows(db, head.id, keys, resources, now),
    };
  })();
}
