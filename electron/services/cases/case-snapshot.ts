import { englishMissing, type MissingWords } from '../../api/missing-words';
import type Database from 'better-sqlite3';
import type { CaseFlag } from '../../api/domains/cases';
import type { PlaybookTemplate } from '../playbooks/schema';
import { evaluatePatientSafetyGate, type GateEvaluation } from '../workflow/gate';
import { nextActions, type NextActions } from '../workflow/next-actions';
import type { CaseSnapshot } from '../workflow/snapshot';
import { isOpen } from '../workflow/states';
import { readCaseSignoffs, type CaseSignoffs } from './case-signoffs';
import { readAnswers, sectionAnswers, type CaseRow, type StoredAnswers } from './case-store';
import { facilityTimeZone, templateFor, type WorkflowResources } from './workflow-resources';

/**
 * A case as the rules see it at `now`: its answers, the gate evaluated on them, and only the
 * sign-offs that are still valid. Built fresh for every read and every transition, so a verdict
 * or an overdue re-check is always of this moment.
 */
export interface LoadedCase {
  row: CaseRow;
  template: PlaybookTemplate;
  stored: StoredAnswers;
  gate: GateEvaluation;
  signoffs: CaseSignoffs;
  snapshot: CaseSnapshot;
  actions: NextActions;
  flags: CaseFlag[];
  timeZone: string | undefined;
}

export function loadCase(
  db: Database.Database,
  resources: WorkflowResources,
  row: CaseRow,
  now: Date,
): LoadedCase {
  const template = templateFor(resources, row.template_id, row.template_version);
  const stored = readAnswers(db, row.id);
  const timeZone = facilityTimeZone(db);
  const gate = evaluatePatientSafetyGate(
    sectionAnswers(stored.answers, 'patient_safety_gate'),
    now,
    resources.radionuclides,
    { timeZone },
  );
  const signoffs = readCaseSignoffs(db, row, stored.answers);
  const snapshot: CaseSnapshot = {
    state: row.state,
    stateEnteredAt: row.state_entered_at,
    template,
    answers: stored.answers,
    gate,
    signoffs: signoffs.valid,
    recheckAt: row.recheck_at,
    ...(timeZone ? { timeZone } : {}),
  };
  const actions = withReReview(row, nextActions(snapshot, now));
  return {
    row,
    template,
    stored,
    gate,
    signoffs,
    snapshot,
    actions,
    flags: caseFlags(row, now),
    timeZone,
  };
}

export function caseFlags(
  row: Pick<CaseRow, 'state' | 'recheck_at' | 'review_revision_id'> &
    Partial<Pick<CaseRow, 'kev_review_catalog'>>,
  now: Date,
): CaseFlag[] {
  const flags: CaseFlag[] = [];
  if (row.review_revision_id !== null && isOpen(row.state)) flags.push('needs_re_review');
  if (row.kev_review_catalog && isOpen(row.state)) flags.push('kev_re_review');
  if (row.state === 'deferred' && row.recheck_at !== null && new Date(row.recheck_at) <= now) {
    flags.push('recheck_overdue');
  }
  return flags;
}

/**
 * While a newer advisory revision waits for review, the case's decisions rest on advice that may
 * have changed: every step but a quarantine waits for the acknowledgement.
 */
export function reReviewProblem(row: CaseRow): MissingWords | null {
  if (row.review_revision_id === null || !isOpen(row.state)) return null;
  return {
    key: 'reReview',
    params: {
      trackingId: row.tracking_id,
      review: row.review_version ?? '?',
      version: row.advisory_version,
    },
  };
}

export function withReReview(row: CaseRow, actions: NextActions): NextActions {
  const problem = reReviewProblem(row);
  if (!problem) return actions;
  const options = actions.options.map((o) =>
    o.target === 'quarantined'
      ? o
      : {
          ...o,
          allowed: false,
          missing: [englishMissing(problem), ...o.missing],
          missingWords: [problem, ...o.missingWords],
          // The review is acknowledged on the case itself: no section to jump to.
          missingAt: [{}, ...o.missingAt],
        },
  );
  const next = actions.next
    ? (options.find((o) => o.target === actions.next?.target) ?? null)
    : null;
  return {
    ...actions,
    options,
    next,
    allowed: options.filter((o) => o.allowed).map((o) => o.target),
  };
}
