import type Database from 'better-sqlite3';
import type { CaseSignoffView, SigningRequest } from '../../api/domains/cases';
import { signoffKinds } from '../../api/permissions';
import { contentHash } from '../people/insert-signoff';
import type { SignoffRow } from '../people/signoffs';
import type { CaseAnswers } from '../playbooks/answers';
import type { ValidSignoff, WorkflowSignoffKind } from '../workflow/signoff-kinds';
import { caseSubjectId, caseSubjectType, parseCaseSubjectId, signedContent } from './case-content';
import { readCaseRound, type CaseRow } from './case-store';

/** A stored sign-off on a case, as the validity rule reads it (here, or in the facility replica). */
export interface CaseSignoffRow extends Omit<SignoffRow, 'subject_type'> {
  /** The staff ID recorded with the sign-off, else (given before it was recorded) the account's. */
  staff_id: string | null;
  /** The round named in the signed content (none in the first round). */
  round: number | null;
}

export interface CaseSignoffs {
  /** Every sign-off on the case, oldest first, each marked stale or not. */
  all: CaseSignoffView[];
  /** Only the valid ones: what the transition rules may count. */
  valid: (ValidSignoff & { id: number })[];
  /** The workflow round the case is in: a sign-off counts only in the round it was given. */
  round: number;
}

/** The subject ids of one case are `<id>:<kind>`: a range on the index, not a LIKE. */
export function caseSubjectRange(caseId: number): [string, string] {
  return [`${caseId}:`, `${caseId};`];
}

/**
 * The sign-offs on a case against its current content. A sign-off is stale when the content of
 * its kind (covered sections, advisory revision, workflow round) has changed since, or when its
 * kind is not the one its subject is about (it never matched any content a transition reads).
 * One given in an earlier round is marked so: it was not the checklist that changed.
 */
export function readCaseSignoffs(
  db: Database.Database,
  row: CaseRow,
  answers: CaseAnswers,
): CaseSignoffs {
  const rows = db
    .prepare(
      `SELECT s.id, s.subject_id, s.kind, s.user_id, s.user_name, s.role, s.statement,
              s.content_hash, s.signed_at, COALESCE(s.staff_id, u.staff_id) AS staff_id,
              json_extract(s.content, '$.round') AS round
         FROM signoffs s LEFT JOIN users u ON u.id = s.user_id
        WHERE s.subject_type = ? AND s.subject_id >= ? AND s.subject_id < ?
        ORDER BY s.id`,
    )
    .all(caseSubjectType, ...caseSubjectRange(row.id)) as CaseSignoffRow[];
  return judgeCaseSignoffs(rows, row, answers, readCaseRound(db, row.id));
}

/**
 * The rule itself, on sign-offs already read: the same for this station's cases and for the
 * cases other stations hold, whose sign-offs arrive in their bundles (board/remote-signoffs.ts).
 */
export function judgeCaseSignoffs(
  rows: readonly CaseSignoffRow[],
  row: Parameters<typeof signedContent>[0],
  answers: CaseAnswers,
  round: number,
): CaseSignoffs {
  const hashes = new Map<WorkflowSignoffKind, string>();
  const currentHash = (kind: WorkflowSignoffKind): string => {
    let hash = hashes.get(kind);
    if (hash === undefined) {
      hash = contentHash(signedContent(row, answers, kind, round));
      hashes.set(kind, hash);
    }
    return hash;
  };
  const all: CaseSignoffView[] = [];
  const valid: CaseSignoffs['valid'] = [];
  for (const r of rows) {
    const subject = parseCaseSubjectId(r.subject_id);
    const stale =
      !subject || subject.kind !== r.kind || currentHash(subject.kind) !== r.content_hash;
    all.push({
      id: r.id,
      kind: r.kind,
      userId: r.user_id,
      userName: r.user_name,
      role: r.role,
      statement: r.statement,
      signedAt: r.signed_at,
      stale,
      earlierRound: (r.round ?? 0) < round,
    });
    if (!stale) {
      valid.push({ id: r.id, kind: r.kind, userId: r.user_id, role: r.role, staffId: r.staff_id });
    }
  }
  return { all, valid, round };
}

/** What to sign for each kind the next steps need, with the content the signer will see. */
export function signingRequests(
  row: CaseRow,
  answers: CaseAnswers,
  kinds: readonly WorkflowSignoffKind[],
  valid: readonly ValidSignoff[],
  round: number,
): SigningRequest[] {
  return [...new Set(kinds)].map((kind) => ({
    kind,
    roles: [...signoffKinds[kind].roles],
    statements: signoffKinds[kind].statements,
    subjectType: 'case',
    subjectId: caseSubjectId(row.id, kind),
    content: signedContent(row, answers, kind, round),
    given: valid.some((s) => s.kind === kind),
  }));
}
