import type Database from 'better-sqlite3';
import type { BoardAttentionWhy } from '../../api/domains/board';
import type { AnswerValue, CaseFlag, CaseState } from '../../api/domains/cases';
import { caseFlags, loadCase, reReviewProblem, withReReview } from '../cases/case-snapshot';
import { caseSelect, type CaseRow } from '../cases/case-store';
import { facilityTimeZone, templateFor, type WorkflowResources } from '../cases/workflow-resources';
import type { CaseAnswers } from '../playbooks/answers';
import { evaluatePatientSafetyGate, type GateEvaluation } from '../workflow/gate';
import type { MissingWords } from '../../api/missing-words';
import { evaluateGuards, signoffProblems, whoMaySignWords } from '../workflow/guards';
import { nextActions, type ActionOption } from '../workflow/next-actions';
import type { CaseSnapshot } from '../workflow/snapshot';
import type { ValidSignoff } from '../workflow/signoff-kinds';
import { findRule, rulesFrom } from '../workflow/transitions';
import { nextActionRef } from '../cases/case-refs';

/**
 * Why a case is in an attention list, and for a sign-off who may give each missing one, in
 * words (the board says them in English for the command line, and the screen in its language).
 */
export interface AttentionWhy {
  why: string;
  /** The same for the screen's language (the gate's reason); null where it words `waitingFor`. */
  words: BoardAttentionWhy | null;
  waitingFor: MissingWords[];
}

/** Why a blocked gate lists a case: its first reason, in English and as the catalogue's words. */
export function blockedWhy(gate: GateEvaluation): AttentionWhy {
  const first = gate.reasonWords[0];
  return {
    why: gate.reasons[0] ?? 'The patient-safety gate is blocked.',
    words: first ? { kind: 'gate', words: first } : null,
    waitingFor: [],
  };
}

/**
 * The workflow's rules over many cases at once, for the board. Reading a case the way the case
 * screen does (`loadCase`) costs about a millisecond: a handful of statements per case, and its
 * sign-offs re-hashed. Here the rows and answers of all the cases are read in two statements, and
 * the rules run on them without sign-offs first; only where a sign-off could change the answer (a
 * step that needs sign-offs) is the case read in full with `loadCase`. The verdicts are the same
 * functions' verdicts, so the board never disagrees with the case screen.
 */

/** States whose natural next step needs sign-offs. */
export const signoffStates: readonly CaseState[] = [
  'assessing',
  'verifying',
  'reconnecting',
  'restoring',
];

export interface QuickCase {
  row: CaseRow;
  gate: GateEvaluation;
  /** The case as the rules see it, with no sign-offs counted. */
  bare: CaseSnapshot;
}

export function loadQuick(
  db: Database.Database,
  resources: WorkflowResources,
  ids: readonly number[],
  now: Date,
): Map<number, QuickCase> {
  const out = new Map<number, QuickCase>();
  if (ids.length === 0) return out;
  const list = JSON.stringify(ids);
  const rows = db
    .prepare(`${caseSelect} WHERE c.id IN (SELECT value FROM json_each(?))`)
    .all(list) as CaseRow[];
  const answers = new Map<number, Record<string, Record<string, AnswerValue>>>();
  for (const a of db
    .prepare(
      `SELECT case_id, section_id, item_id, value FROM case_answers
        WHERE case_id IN (SELECT value FROM json_each(?))`,
    )
    .all(list) as { case_id: number; section_id: string; item_id: string; value: string }[]) {
    const byCase = answers.get(a.case_id) ?? {};
    (byCase[a.section_id] ??= {})[a.item_id] = JSON.parse(a.value) as AnswerValue;
    answers.set(a.case_id, byCase);
  }
  const timeZone = facilityTimeZone(db);
  for (const row of rows) {
    out.set(row.id, quickCase(row, answers.get(row.id) ?? {}, resources, now, timeZone));
  }
  return out;
}

/** A case as `loadQuick` reads it, from its row and answers (here, or another station's). */
export function quickCase(
  row: CaseRow,
  answers: Record<string, Record<string, AnswerValue>>,
  resources: WorkflowResources,
  now: Date,
  timeZone: string | undefined,
): QuickCase {
  const given = answers as CaseAnswers;
  const gate = evaluatePatientSafetyGate(
    given.patient_safety_gate ?? {},
    now,
    resources.radionuclides,
    { timeZone },
  );
  return {
    row,
    gate,
    bare: {
      state: row.state,
      stateEnteredAt: row.state_entered_at,
      template: templateFor(resources, row.template_id, row.template_version),
      answers: given,
      gate,
      signoffs: [],
      recheckAt: row.recheck_at,
      ...(timeZone ? { timeZone } : {}),
    },
  };
}

/**
 * Whether some step from here that needs sign-offs has everything else it needs: only then can a
 * sign-off make the difference, and only then is the case worth reading in full.
 */
export function couldAwaitSignoff(q: QuickCase, now: Date): boolean {
  return rulesFrom(q.row.state).some((rule) => {
    if (rule.signoffs.length === 0) return false;
    const missing = evaluateGuards(rule, q.bare, now, {}, { withRequest: false });
    return missing.length === signoffProblems(rule.signoffs, []).length;
  });
}

export interface RowVerdict {
  gateVerdict: GateEvaluation['verdict'];
  flags: CaseFlag[];
  nextAction: Pick<ActionOption, 'target' | 'action' | 'actionKey' | 'allowed'> | null;
}

/** A row's verdicts: from the bare snapshot, or in full when the next step needs sign-offs. */
export function rowVerdict(
  db: Database.Database,
  resources: WorkflowResources,
  q: QuickCase,
  now: Date,
): RowVerdict {
  const bareNext = nextActions(q.bare, now).next;
  const rule = bareNext ? findRule(q.row.state, bareNext.target) : undefined;
  // A step that lacks more than sign-offs stays not allowed whatever is signed: the bare verdict
  // holds. Only a step lacking nothing but sign-offs needs the case read in full.
  const onlySignoffsCount = rule ? signoffProblems(rule.signoffs, []).length : 0;
  if (
    rule &&
    bareNext &&
    rule.signoffs.length > 0 &&
    bareNext.missing.length <= onlySignoffsCount
  ) {
    const loaded = loadCase(db, resources, q.row, now);
    const next = loaded.actions.next;
    return {
      gateVerdict: loaded.gate.verdict,
      flags: loaded.flags,
      nextAction: nextActionRef(next),
    };
  }
  // No sign-off counts for this step, so the bare verdict is the verdict; a pending re-review
  // holds every step but a quarantine, as on the case screen.
  const held = reReviewProblem(q.row) !== null && bareNext?.target !== 'quarantined';
  return {
    gateVerdict: q.gate.verdict,
    flags: caseFlags(q.row, now),
    nextAction: nextActionRef(bareNext, bareNext?.allowed === true && !held),
  };
}

/**
 * Whether the case's natural next step waits for sign-offs and nothing else, with the valid
 * sign-offs given (`readCaseSignoffs`, or the same rule on another station's): why, and who must
 * sign; null when it does not. The case screen's verdict, as `loadCase` reaches it.
 */
export function awaitingSignoffWhy(
  q: QuickCase,
  valid: readonly ValidSignoff[],
  now: Date,
): AttentionWhy | null {
  const next = withReReview(q.row, nextActions({ ...q.bare, signoffs: valid }, now)).next;
  const rule = next ? findRule(q.row.state, next.target) : undefined;
  if (!next || next.allowed || !rule || rule.signoffs.length === 0) return null;
  const lacking = signoffProblems(rule.signoffs, valid);
  // Only sign-offs missing: every other line of "missing" would be checklist work to do first.
  if (lacking.length === 0 || lacking.length !== next.missing.length) return null;
  const waitingFor = next.signoffs.filter((s) => !s.given).map((s) => whoMaySignWords(s.kind));
  return {
    why: `${next.action}: ready, waiting for sign-off${waitingFor.length > 1 ? 's' : ''}.`,
    words: null,
    waitingFor,
  };
}
