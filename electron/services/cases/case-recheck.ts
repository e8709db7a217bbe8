import type { BulkMoved } from '../../api/domains/board';
import { mutate, type CallContext } from '../core/context';
import { wordedError } from '../core/errors';
import { evaluateGuardsAt } from '../workflow/guards';
import { recheckRule } from '../workflow/transitions';
import type { StationRequestRef } from './case-actions';
import { loadCase } from './case-snapshot';
import { assertChangeable, getCaseRow, storedTime } from './case-store';
import { loadWorkflowResources } from './workflow-resources';

export interface RescheduleInput {
  caseId: number;
  recheckAt: string;
  reason: string | null;
  /** The commander's bulk decision this is part of, recorded with the change. */
  bulkDecisionId?: number | undefined;
  /** Set when another station's commander asked for it: recorded with the change. */
  request?: StationRequestRef | undefined;
}

/**
 * A new re-check time on one deferred case, through the re-check rule's guard; the one code path
 * of a bulk re-check here and of one asked for by another station. A refusal is a `conflict` with
 * the guard's words and changes nothing.
 */
export function rescheduleRecheck(ctx: CallContext, input: RescheduleInput): BulkMoved {
  const { db, clock, resourcesDir } = ctx.services;
  const { caseId } = input;
  return mutate(ctx, () => {
    const row = getCaseRow(db, caseId);
    assertChangeable(row);
    if (row.state !== 'deferred') {
      throw wordedError(
        'conflict',
        'recheckNotDeferred',
        { assetTag: row.asset_tag },
        { caseId, state: row.state, missing: [] },
        { terms: { state: `state_${row.state}` } },
      );
    }
    const now = clock.now();
    const loaded = loadCase(db, loadWorkflowResources(resourcesDir), row, now);
    const missingAt = evaluateGuardsAt(
      recheckRule,
      loaded.snapshot,
      now,
      { recheckAt: input.recheckAt },
      { withRequest: true },
    );
    if (missingAt.length > 0) {
      const missingWords = missingAt.map((m) => m.words);
      throw wordedError(
        'conflict',
        'recheckRefused',
        { assetTag: row.asset_tag },
        { caseId, missing: missingAt.map((m) => m.text), missingWords },
        { missing: { missing: missingWords } },
      );
    }
    const recheckAt = storedTime(input.recheckAt);
    const at = now.toISOString();
    db.prepare('UPDATE cases SET recheck_at = ?, updated_at = ? WHERE id = ?').run(
      recheckAt,
      at,
      caseId,
    );
    return {
      value: { caseId, assetTag: row.asset_tag, from: row.state, to: row.state, recheckAt },
      audit: {
        action: 'case.recheck_rescheduled',
        entityType: 'case',
        entityId: caseId,
        payload: {
          assetTag: row.asset_tag,
          from: row.recheck_at,
          to: recheckAt,
          ...(input.bulkDecisionId !== undefined ? { bulkDecisionId: input.bulkDecisionId } : {}),
          ...(input.request !== undefined ? { request: input.request } : {}),
          ...(input.reason !== null ? { reason: input.reason } : {}),
        },
      },
    };
  });
}
