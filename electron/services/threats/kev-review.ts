import type { ParsedInputOf } from '../../api/methods';
import type { CaseDetail } from '../../api/domains/cases';
import { acknowledgeReviewFlag } from '../cases/case-decisions';
import type { CallContext } from '../core/context';
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
  return acknowledgeReviewFlag(ctx, input.caseId, input.note, {
    action: 'case.kev_review_acknowledged',
    assertFlagged(row) {
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
