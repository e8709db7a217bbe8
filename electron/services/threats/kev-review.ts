import type { ParsedInputOf } from '../../api/methods';
import type { CaseDetail } from '../../api/domains/cases';
import { acknowledgeReviewFlag } from '../cases/case-decisions';
import type { CallContext } from '../core/context';
import { wordedError } from '../core/errors';

/**
 * A newer KEV catalog made a CVE of an open case known exploited (`kev_re_review`): a biomed
 * engineer or IT security acknowledges that they looked at what that means for the device,
 * against the catalog version that flagged it.
 */
export function acknowledgeKevReview(
  ctx: CallContext,
  input: ParsedInputOf<'threats.acknowledgeCase'>,
): CaseDetail {
  return acknowledgeReviewFlag(ctx, input.caseId, input.note, {
    action: 'case.kev_review_acknowledged',
    assertFlagged(row) {
      if (row.kev_review_catalog === null) {
        throw wordedError(
          'conflict',
          'kevNotFlagged',
          { assetTag: row.asset_tag },
          { caseId: row.id, reason: 'not_flagged' },
        );
      }
      if (input.catalogVersion !== row.kev_review_catalog) {
        throw wordedError(
          'conflict',
          'kevOtherCatalog',
          {
            assetTag: row.asset_tag,
            flaggedBy: row.kev_review_catalog,
            given: input.catalogVersion,
          },
          { caseId: row.id, field: 'catalogVersion', flaggedBy: row.kev_review_catalog },
        );
      }
    },
    clear(db, row, at) {
      db.prepare(
        `UPDATE cases SET kev_review_catalog = NULL, kev_review_flagged_at = NULL, updated_at = ?
          WHERE id = ?`,
      ).run(at, row.id);
    },
    detail: (row) => ({ kevCatalog: row.kev_review_catalog }),
  });
}
