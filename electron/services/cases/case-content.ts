import type Database from 'better-sqlite3';
import type { JsonValue } from '../../api/domains/cases';
import type { SignoffKind } from '../../api/permissions';
import { workflowSignoffKinds, type WorkflowSignoffKind } from '../workflow/signoff-kinds';
import { findCaseRow, readAnswers, readCaseRound, type CaseRow } from './case-store';
import type { CaseAnswers } from '../playbooks/answers';

/**
 * What a sign-off on a case signs. Each kind covers some checklist sections
 * (`workflowSignoffKinds[kind].covers`): the clinical lead signs the patient-safety gate, the biomed
 * the backup, and a change to the backup must not make the clinical lead's signature stale. So the
 * subject of a case sign-off is `<caseId>:<kind>`, and its content is the case id, the advisory
 * revision relied on, the template version and the answers of the covered sections, nothing else
 * (not who answered or when: re-saving the same answer does not change what was attested).
 * From the second round of the workflow on (workflow/rounds.ts) the content names its round, so a
 * sign-off of an earlier round no longer matches; the first round's content has no round, as
 * before rounds existed.
 */

export const caseSubjectType = 'case';

export function caseSubjectId(caseId: number, kind: WorkflowSignoffKind): string {
  return `${caseId}:${kind}`;
}

export function isWorkflowSignoffKind(kind: string): kind is WorkflowSignoffKind {
  return Object.prototype.hasOwnProperty.call(workflowSignoffKinds, kind);
}

export function parseCaseSubjectId(
  subjectId: string,
): { caseId: number; kind: WorkflowSignoffKind } | undefined {
  const match = /^([1-9]\d{0,15}):([a-z_]{1,40})$/.exec(subjectId);
  if (!match?.[1] || !match[2]) return undefined;
  const caseId = Number(match[1]);
  const kind = match[2];
  if (!Number.isSafeInteger(caseId) || !isWorkflowSignoffKind(kind)) return undefined;
  return { caseId, kind };
}

export function signedContent(
  row: Pick<
    CaseRow,
    'id' | 'advisory_id' | 'tracking_id' | 'advisory_version' | 'template_id' | 'template_version'
  >,
  answers: CaseAnswers,
  kind: WorkflowSignoffKind,
  round: number,
): Record<string, JsonValue> {
  // Answers are stored as validated JSON, so they are JSON values.
  const sections: Record<string, JsonValue> = {};
  for (const section of workflowSignoffKinds[kind].covers)
    sections[section] = (answers[section] ?? {}) as Record<string, JsonValue>;
  return {
    caseId: row.id,
    kind,
    advisory: { id: row.advisory_id, trackingId: row.tracking_id, version: row.advisory_version },
    template: { id: row.template_id, version: row.template_version },
    sections,
    ...(round > 0 ? { round } : {}),
  };
}

/** The `case` subject reader for the sign-off service (registered in signoff-subjects.ts). */
export function readCaseSubject(
  db: Database.Database,
  subjectId: string,
): Record<string, unknown> | undefined {
  const parsed = parseCaseSubjectId(subjectId);
  if (!parsed) return undefined;
  const row = findCaseRow(db, parsed.caseId);
  if (!row) return undefined;
  return signedContent(
    row,
    readAnswers(db, row.id).answers,
    parsed.kind,
    readCaseRound(db, row.id),
  );
}

/** Whether a stored sign-off's kind is the one its subject is about. */
export function kindMatchesSubject(kind: SignoffKind, subjectId: string): boolean {
  return parseCaseSubjectId(subjectId)?.kind === kind;
}
