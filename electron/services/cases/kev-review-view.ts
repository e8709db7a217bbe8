import type Database from 'better-sqlite3';
import type { CaseDetail } from '../../api/domains/cases';
import type { CaseRow } from './case-store';

/**
 * A newer KEV catalog made a CVE of this open case known exploited: the catalog version, when,
 * and which CVEs (from the flag's history entry), until it is acknowledged
 * (`threats.acknowledgeCase`).
 */
export function kevReviewOf(
  db: Database.Database,
  row: Pick<CaseRow, 'id' | 'kev_review_catalog'>,
): CaseDetail['kevReview'] {
  if (row.kev_review_catalog === null) return null;
  const flag = db
    .prepare(
      `SELECT c.kev_review_flagged_at AS flaggedAt,
              (SELECT h.detail FROM case_history h
                WHERE h.case_id = c.id AND h.event = 'review_flagged'
                  AND json_extract(h.detail, '$.kevCatalog') = c.kev_review_catalog
                ORDER BY h.id DESC LIMIT 1) AS detail
         FROM cases c WHERE c.id = ?`,
    )
    .get(row.id) as { flaggedAt: string | null; detail: string | null } | undefined;
  const detail = flag?.detail
    ? (JSON.parse(flag.detail) as { knownExploited?: unknown })
    : undefined;
  const knownExploited = Array.isArray(detail?.knownExploited)
    ? detail.knownExploited.filter((c): c is string => typeof c === 'string')
    : [];
  return {
    catalogVersion: row.kev_review_catalog,
    flaggedAt: flag?.flaggedAt ?? '',
    knownExploited,
  };
}
