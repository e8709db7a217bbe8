import type Database from 'better-sqlite3';
import type { CaseState } from '../../api/domains/cases';
import { insertHistory } from './case-store';
import { heldHere } from './held-here';

/**
 * A newer revision of an advisory became current: every open case of that advisory that relies
 * on another revision is flagged for re-review against it (PRODUCT.md: "a new revision must send
 * affected devices back for review"). Runs inside the import's transaction, whose audit event
 * records how many cases were flagged; each case's history records the flag.
 */
export function flagCasesForReReview(
  db: Database.Database,
  advisoryId: number,
  toVersion: string,
): number {
  const revision = db
    .prepare(
      'SELECT id, imported_at AS importedAt FROM advisory_revisions WHERE advisory_id = ? AND version = ?',
    )
    .get(advisoryId, toVersion) as { id: number; importedAt: string } | undefined;
  if (!revision) return 0;
  const cases = db
    .prepare(
      `SELECT c.id, c.state, r.version AS reliedOn
         FROM cases c JOIN advisory_revisions r ON r.id = c.advisory_revision_id
        WHERE c.advisory_id = ? AND c.state <> 'returned_to_service'
          AND ${heldHere} AND c.advisory_revision_id <> ?
          AND (c.review_revision_id IS NULL OR c.review_revision_id <> ?)`,
    )
    .all(advisoryId, revision.id, revision.id) as {
    id: number;
    state: CaseState;
    reliedOn: string;
  }[];
  const flag = db.prepare(
    'UPDATE cases SET review_revision_id = ?, review_flagged_at = ?, updated_at = ? WHERE id = ?',
  );
  for (const c of cases) {
    flag.run(revision.id, revision.importedAt, revision.importedAt, c.id);
    insertHistory(db, {
      caseId: c.id,
      event: 'review_flagged',
      fromState: c.state,
      toState: c.state,
      at: revision.importedAt,
      userId: null,
      role: 'system',
      detail: { fromVersion: c.reliedOn, toVersion },
    });
  }
  return cases.length;
}
