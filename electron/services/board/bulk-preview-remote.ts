import type Database from 'better-sqlite3';
import type {
  BulkPreviewRemoteCase,
  BulkPreviewTarget,
  RemoteCaseKey,
} from '../../api/domains/board';
import { rulesFrom } from '../workflow/transitions';
import type { WorkflowState } from '../workflow/states';
import { remoteFrom } from './facility-board';

/**
 * The chosen cases other stations hold, for the bulk preview: as their stations' bundles
 * describe them. Their guards run at their station when the request arrives; here only the
 * workflow table says which steps exist from their state, and what a step needs the decision
 * to supply (a reason, a re-check time).
 */
export function remotePreviewCases(
  db: Database.Database,
  refs: readonly RemoteCaseKey[],
): BulkPreviewRemoteCase[] {
  if (refs.length === 0) return [];
  return db
    .prepare(
      `SELECT c.station_id AS stationId, s.name AS stationName, c.id AS caseId,
              d.asset_tag AS assetTag, c.state
         ${remoteFrom}
         JOIN stations s ON s.station_id = c.station_id AND s.revoked_at IS NULL
        WHERE (c.station_id, c.id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))
        ORDER BY d.asset_tag, s.name`,
    )
    .all(JSON.stringify(refs.map((r) => [r.stationId, r.caseId]))) as BulkPreviewRemoteCase[];
}

/** The remote cases with a step to `target` in the table, and what that step needs. */
export function remoteTowards(
  remote: readonly BulkPreviewRemoteCase[],
  target: WorkflowState,
): { requested: RemoteCaseKey[]; needs: BulkPreviewTarget['needs'] } {
  const requested: RemoteCaseKey[] = [];
  const needs: BulkPreviewTarget['needs'] = [];
  for (const c of remote) {
    const rule = rulesFrom(c.state).find((r) => r.to === target);
    if (!rule) continue;
    requested.push({ stationId: c.stationId, caseId: c.caseId });
    for (const guard of rule.guards) {
      if (guard.kind === 'reason' && !needs.includes('reason')) needs.push('reason');
      if (guard.kind === 'recheck_time' && !needs.includes('recheckAt')) needs.push('recheckAt');
    }
  }
  return { requested, needs };
}
