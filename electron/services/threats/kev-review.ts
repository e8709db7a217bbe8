import type { ParsedInputOf } from '../../api/methods';
import type { CaseDetail } from '../../api/domains/cases';
import { assertChangeable, getCaseDetail } from '../cases/case-actions';
import { getCaseRow, insertHistory } from '../cases/case-store';
import { mutate, type CallContext } from '../core/context';
import { ServiceError } from '../core/errors';

/**
 * A newer KEV catalog made a CVE of an open case known exploited (`kev_re_review`): a biomed
 * engineer or IT security acknowledges that they looked at what that means for the device,
 * against the catalog version that flagged it.
 */
export function acknowledgeKevReview(
  ctx: CallContext,
  input: ParsedInputOf<'threats.acknowledgeCase'>,
): CaseDetail {
  const { db, clock } = ctx.services;
  mutate(ctx, () => {
    const row = getCaseRow(db, input.caseId);
    assertChangeable(row);
    if (row.kev_review_catalog === null) {
      throw new ServiceError(
        'conflict',
        `The case of ${row.asset_tag} is not waiting for a KEV review: no newer KEV catalog added one of its CVEs.`,
        { caseId: row.id, reason: 'not_flagged' },
      );
    }
    if (input.catalogVersion !== row.kev_review_catalog) {
      throw new ServiceError(
        'conflict',
        `catalogVersion: the case of ${row.asset_tag} was flagged by KEV catalog ${row.kev_review_catalog}, not ${input.catalogVersion}. Review that catalog's entries and acknowledge it.`,
        { caseId: row.id, field: 'catalogVersion', flaggedBy: row.kev_review_catalog },
      );
    }
    const at = clock.now().toISOString();
    db.prepare(
      `UPDATE cases SET kev_review_catalog = NULL, kev_review_flagged_at = NULL, updated_at = ?
        WHERE id = ?`,
    ).run(at, row.id);
    const detail = {
      kevCatalog: row.kev_review_catalog,
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
        action: 'case.kev_review_acknowledged',
        entityType: 'case',
        entityId: row.id,
        payload: { assetTag: row.asset_tag, trackingId: row.tracking_id, ...detail },
      },
    };
  });
  return getCaseDetail(ctx, input.caseId);
}
