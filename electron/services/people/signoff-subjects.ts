import type Database from 'better-sqlite3';
import { caseSubjectType, parseCaseSubjectId, readCaseSubject } from '../cases/case-content';
import { assertChangeable, findCaseRow } from '../cases/case-store';
import { getDevice } from '../devices/devices';
import { ServiceError, wordedError } from '../core/errors';

/** The current content of one subject, or undefined when there is no such subject. */
export type SubjectContent = (
  db: Database.Database,
  subjectId: string,
) => Record<string, unknown> | undefined;

function positiveId(subjectId: string): number | undefined {
  const id = Number(subjectId);
  return Number.isSafeInteger(id) && id > 0 && String(id) === subjectId ? id : undefined;
}

/**
 * What can be signed, and how the services read its current content: a sign-off is on what the
 * services hold, and the signer's copy must equal it. The workflow adds `case` here (its
 * checklist answers and state); the incident board adds its bulk decisions.
 */
export const signoffSubjects: ReadonlyMap<string, SubjectContent> = new Map<string, SubjectContent>(
  [
    [
      'device',
      (db, subjectId) => {
        const id = positiveId(subjectId);
        if (id === undefined) return undefined;
        try {
          // updatedAt moves on a save without changes: it is not part of what is signed.
          const { updatedAt: _ignored, ...device } = getDevice(db, id);
          return { ...device };
        } catch (error) {
          if (error instanceof ServiceError && error.code === 'not_found') return undefined;
          throw error;
        }
      },
    ],
    // A case sign-off is on `<caseId>:<kind>`: the sections that kind covers, the case id and the
    // advisory revision relied on (see cases/case-content.ts).
    [caseSubjectType, readCaseSubject],
    // A bulk decision is signed once by the commander on its incident, the decision and the
    // sorted case ids (see board/bulk-decisions.ts); a decision is never edited afterwards.
    [
      'bulk_decision',
      (db, subjectId) => {
        const id = positiveId(subjectId);
        if (id === undefined) return undefined;
        const row = db
          .prepare('SELECT incident_id, decision, case_ids FROM bulk_decisions WHERE id = ?')
          .get(id) as { incident_id: number; decision: string; case_ids: string } | undefined;
        if (!row) return undefined;
        return {
          incidentId: row.incident_id,
          decision: JSON.parse(row.decision) as unknown,
          caseIds: JSON.parse(row.case_ids) as unknown,
        };
      },
    ],
  ],
);

export function subjectContentReader(subjectType: string): SubjectContent {
  const reader = signoffSubjects.get(subjectType);
  if (!reader) {
    throw wordedError(
      'invalid_input',
      'signoffSubjectUnknown',
      { subjects: [...signoffSubjects.keys()].join(', '), given: subjectType },
      { field: 'subjectType' },
    );
  }
  return reader;
}

/**
 * Throws when the subject takes no more sign-offs: a closed case, or anything of a closed
 * incident, is the signed record, and a late signature would read as part of it.
 */
type AssertSignable = (db: Database.Database, subjectId: string) => void;

const signableChecks: ReadonlyMap<string, AssertSignable> = new Map<string, AssertSignable>([
  [
    caseSubjectType,
    (db, subjectId) => {
      const parsed = parseCaseSubjectId(subjectId);
      const row = parsed ? findCaseRow(db, parsed.caseId) : undefined;
      if (row) assertChangeable(row);
    },
  ],
  [
    'bulk_decision',
    (db, subjectId) => {
      const id = positiveId(subjectId);
      if (id === undefined) return;
      const incident = db
        .prepare(
          `SELECT i.name, i.status FROM bulk_decisions b JOIN incidents i ON i.id = b.incident_id
            WHERE b.id = ?`,
        )
        .get(id) as { name: string; status: 'open' | 'closed' } | undefined;
      if (incident?.status === 'closed') {
        throw wordedError(
          'conflict',
          'incidentClosedNoSignoffs',
          { name: incident.name },
          { reason: 'incident_closed' },
        );
      }
    },
  ],
]);

export function assertSignable(
  db: Database.Database,
  subjectType: string,
  subjectId: string,
): void {
  signableChecks.get(subjectType)?.(db, subjectId);
}
