import {
  answerOf,
  describeAnswer,
  findItem,
  isItemVisible,
  isUnanswered,
  parseDateTime,
} from '../playbooks/answers';
import { sectionStatus, type ItemProblem } from '../playbooks/section-status';
import type { AnyItem, SectionId } from '../playbooks/schema';
import type { GateVerdict } from '../../api/domains/cases';
import {
  roleInSentence,
  rolesFor,
  satisfies,
  type ValidSignoff,
  type WorkflowSignoffKind,
} from './signoff-kinds';
import type { CaseSnapshot, TransitionRequest } from './snapshot';
import { isWorkflowState } from './states';
import {
  englishMissing,
  englishMissingPhrase,
  plainText,
  quoted,
  type MissingWordKey,
  type MissingWords,
} from '../../api/missing-words';
// Type-only cycle with transitions.ts (erased at build): its rules name the guards evaluated here.
import type { Guard, TransitionRule } from './transitions';
import { formatClock } from './wording';

/** How each guard and sign-off of a transition rule turns into "what is missing", in plain words. */

/** A deferral is for hours; a device not assessed for days is an unmanaged risk. */
export const maxRecheckHours = 72;
export const maxReasonLength = 1000;

export interface GuardOptions {
  /** false: leave out what the request itself supplies (reason, re-check time), for nextActions. */
  withRequest: boolean;
}

/** Where a missing thing is answered on the case page: a checklist section (an item), a sign-off. */
export interface MissingAt {
  section?: SectionId;
  item?: string;
  signoff?: WorkflowSignoffKind;
}

export function evaluateGuards(
  rule: TransitionRule,
  snapshot: CaseSnapshot,
  now: Date,
  request: TransitionRequest,
  options: GuardOptions,
): string[] {
  return evaluateGuardsAt(rule, snapshot, now, request, options).map((m) => m.text);
}

/** A missing thing: its English line, its words (for the station's language), where it is put right. */
export interface MissingLine {
  text: string;
  words: MissingWords;
  at: MissingAt;
}

/** The same problems, each with its words and where it is put right (for links on the case page). */
export function evaluateGuardsAt(
  rule: TransitionRule,
  snapshot: CaseSnapshot,
  now: Date,
  request: TransitionRequest,
  options: GuardOptions,
): MissingLine[] {
  const missing: MissingLine[] = [];
  const add = (words: MissingWords, at: MissingAt) =>
    missing.push({ text: englishMissing(words), words, at });
  for (const guard of rule.guards) {
    if (!options.withRequest && (guard.kind === 'reason' || guard.kind === 'recheck_time'))
      continue;
    const at = guardTarget(guard);
    for (const words of guardProblems(guard, snapshot, now, request)) add(words, at);
  }
  // One kind at a time gives the same sentences in the same order, each with its kind.
  let unsigned = false;
  for (const kind of rule.signoffs) {
    for (const words of signoffWords([kind], snapshot.signoffs)) {
      unsigned = true;
      add(words, { signoff: kind });
    }
  }
  const last = rule.signoffs.at(-1);
  if (!unsigned && last !== undefined) {
    for (const words of signoffWords(rule.signoffs, snapshot.signoffs))
      add(words, { signoff: last });
  }
  return missing;
}

function guardTarget(guard: Guard): MissingAt {
  switch (guard.kind) {
    case 'section':
      return { section: guard.section };
    case 'fresh_backup':
      return { section: 'backup' };
    case 'gate':
      return { section: 'patient_safety_gate' };
    case 'answers':
      return { section: guard.section, ...(guard.expect[0] ? { item: guard.expect[0].item } : {}) };
    case 'recheck_time':
    case 'reason':
      return {};
  }
}

function guardProblems(
  guard: Guard,
  snapshot: CaseSnapshot,
  now: Date,
  request: TransitionRequest,
): MissingWords[] {
  switch (guard.kind) {
    case 'section':
      return sectionProblems(snapshot, guard.section, now);
    case 'fresh_backup': {
      const problems = sectionProblems(snapshot, 'backup', now);
      return problems.length > 0 ? problems : staleBackupProblems(snapshot, now);
    }
    case 'gate':
      return gateProblems(guard.verdict, snapshot);
    case 'answers':
      return answerProblems(guard, snapshot);
    case 'recheck_time':
      return recheckProblems(request.recheckAt, now, snapshot.timeZone);
    case 'reason': {
      const reason = typeof request.reason === 'string' ? request.reason.trim() : '';
      if (reason === '') return [{ key: 'reasonMissing' }];
      return reason.length > maxReasonLength
        ? [{ key: 'reasonTooLong', params: { max: maxReasonLength } }]
        : [];
    }
  }
}

/** "The backup checklist is not complete: 'Configuration backup taken' is unanswered." */
function sectionProblems(snapshot: CaseSnapshot, id: SectionId, now: Date): MissingWords[] {
  const status = sectionStatus(snapshot.template, id, snapshot.answers, { now });
  if (status.done) return [];
  return [
    {
      key: 'sectionIncomplete',
      words: { section: { key: `section_${id}` } },
      lists: { problems: { items: describeProblems(status.problems), join: 'parts' } },
    },
  ];
}

function describeProblems(problems: readonly ItemProblem[]): MissingWords[] {
  const unanswered = problems.filter((p) => p.kind === 'unanswered').map((p) => quoted(p.label));
  const parts: MissingWords[] = [];
  if (unanswered.length > 0) {
    parts.push({
      key: 'unanswered',
      params: { count: unanswered.length },
      lists: { items: { items: unanswered, join: 'and' } },
    });
  }
  // Other problems are the item's own sentence (its label and options are the playbook's words).
  for (const p of problems.filter((q) => q.kind !== 'unanswered')) parts.push(plainText(p.message));
  return parts;
}

function stateWords(state: string): MissingWords {
  return { key: isWorkflowState(state) ? `state_${state}` : 'stateUnknown' };
}

/**
 * The backup's "when" items recorded before the case entered its state: before any patch or
 * re-image they must be recorded again. Null when the state's entry time is not known.
 */
export function staleBackupItems(snapshot: CaseSnapshot): AnyItem[] | null {
  const entered = parseDateTime(snapshot.stateEnteredAt);
  if (!entered) return null;
  const backup = snapshot.template.sections.find((s) => s.id === 'backup');
  return (backup?.items ?? []).filter((item) => {
    if (item.type !== 'datetime' || !isItemVisible(snapshot.template, item, snapshot.answers)) {
      return false;
    }
    const at = parseDateTime(snapshot.answers.backup?.[item.id]);
    return at !== null && at < entered;
  });
}

/** Before any patch or re-image the backup is done again: every "when" since the case entered its state. */
function staleBackupProblems(snapshot: CaseSnapshot, now: Date): MissingWords[] {
  const state = stateWords(snapshot.state);
  const older = staleBackupItems(snapshot);
  const entered = parseDateTime(snapshot.stateEnteredAt);
  if (older === null || !entered) return [{ key: 'backupEntryUnknown', words: { state } }];
  if (older.length === 0) return [];
  // A "when" item reads best as the step it belongs to ("Configuration backup taken"), not "Taken at".
  const steps = older.map((item) => {
    const step = item.showWhen ? findItem(snapshot.template, item.showWhen.item) : undefined;
    return quoted(step?.item.label ?? item.label);
  });
  const when = formatClock(entered, now, snapshot.timeZone);
  return [
    {
      key: 'backupBeforeState',
      params: { when, count: steps.length },
      words: { state },
      lists: { steps: { items: steps, join: 'and' } },
    },
  ];
}

function gateProblems(needed: GateVerdict, snapshot: CaseSnapshot): MissingWords[] {
  const { verdict, reasons, missing, reasonWords = [], missingWords = [] } = snapshot.gate;
  if (verdict === needed) return [];
  // A snapshot without the gate's words (assembled by hand) keeps its English lines.
  const reasonLines =
    reasonWords.length === reasons.length
      ? reasonWords.map((gate): MissingWords => ({ key: 'text', gate }))
      : reasons.map(plainText);
  const missingLines =
    missingWords.length === missing.length ? missingWords : missing.map(plainText);
  if (verdict === 'blocked') return [{ key: 'gateBlocked' }, ...reasonLines];
  if (verdict === 'clear') return [{ key: 'gateClear' }];
  const why: MissingWords = {
    key: needed === 'blocked' ? 'gateIncompleteDefer' : 'gateIncomplete',
  };
  return [
    why,
    ...(missingLines.length > 0 ? missingLines : [{ key: 'gateNotEvaluated' as const }]),
  ];
}

function answerProblems(
  guard: Extract<Guard, { kind: 'answers' }>,
  snapshot: CaseSnapshot,
): MissingWords[] {
  const wrong: MissingWords[] = [];
  for (const { item: id, oneOf } of guard.expect) {
    const found = findItem(snapshot.template, id);
    if (!found) continue; // a template passes the contract check at load, so this is not expected
    const value = answerOf(snapshot.template, snapshot.answers, id);
    if (isUnanswered(value) || oneOf.some((v) => v === value)) continue;
    const expected = oneOf.map((v) => quoted(describeAnswer(found.item, v)));
    wrong.push({
      key: 'answerIs',
      words: {
        label: quoted(found.item.label),
        answer: quoted(describeAnswer(found.item, value)),
        purpose: { key: guard.purpose },
      },
      lists: { expected: { items: expected, join: 'or' } },
    });
  }
  return wrong.length > 0
    ? [
        {
          key: 'answersWrong',
          words: { summary: { key: guard.summary } },
          lists: { wrong: { items: wrong, join: 'parts' } },
        },
      ]
    : [];
}

function recheckProblems(value: unknown, now: Date, timeZone?: string): MissingWords[] {
  if (isUnanswered(value)) return [{ key: 'recheckMissing' }];
  const at = parseDateTime(value);
  if (!at) return [{ key: 'recheckNotTime' }];
  if (at <= now) return [{ key: 'recheckPassed', params: { at: formatClock(at, now, timeZone) } }];
  if (at.getTime() - now.getTime() > maxRecheckHours * 3_600_000) {
    return [{ key: 'recheckTooFar', params: { hours: maxRecheckHours } }];
  }
  return [];
}

/**
 * Each required kind needs a sign-off of that kind by a role allowed to give it; where a step needs
 * several, they must come from different people (one person holding two roles signs only once),
 * told apart by account and by staff ID.
 */
export function signoffProblems(
  kinds: readonly WorkflowSignoffKind[],
  given: readonly ValidSignoff[],
): string[] {
  return signoffWords(kinds, given).map(englishMissing);
}

/** The same, as words of the catalogue. */
export function signoffWords(
  kinds: readonly WorkflowSignoffKind[],
  given: readonly ValidSignoff[],
): MissingWords[] {
  const signoffs = Array.isArray(given) ? given : [];
  const candidates = kinds.map((kind) => signoffs.filter((s) => satisfies(s, kind)));
  const problems: MissingWords[] = [];
  kinds.forEach((kind, i) => {
    if ((candidates[i] ?? []).length > 0) return;
    const wrongRole = signoffs.find((s) => s.kind === kind);
    const words = { who: whoMaySignWords(kind), topic: topicWords(kind) };
    problems.push(
      wrongRole
        ? { key: 'signoffWrongRole', words: { ...words, given: roleWords(wrongRole.role) } }
        : { key: 'signoffNeeded', words },
    );
  });
  if (problems.length > 0 || kinds.length < 2) return problems;
  if (!distinctSigners(candidates.map((c) => c.map(signerOf)))) {
    const who = kinds.map((k): MissingWords => ({
      key: 'whoTopic',
      words: { who: whoMaySignWords(k), topic: topicWords(k) },
    }));
    return [{ key: 'twoPeople', lists: { who: { items: who, join: 'and' } } }];
  }
  return [];
}

function topicWords(kind: WorkflowSignoffKind): MissingWords {
  return { key: `topic_${kind}` };
}

/** "a clinical lead", or "a biomed engineer or IT security" for a kind several roles may give. */
export function whoMaySign(kind: WorkflowSignoffKind): string {
  return englishMissingPhrase(whoMaySignWords(kind));
}

/** Who may give a sign-off of `kind`, in words any language can read (the board's attention list). */
export function whoMaySignWords(kind: WorkflowSignoffKind): MissingWords {
  const roles = rolesFor(kind).map(roleWords);
  if (roles.length === 0) return { key: 'someone' };
  return { key: 'text', lists: { text: { items: roles, join: 'or' } } };
}

function roleWords(role: string): MissingWords {
  return role in roleInSentence
    ? { key: `role_${role}` as MissingWordKey }
    : { key: 'someoneWithRole', params: { role } };
}

/** Who a sign-off is by, for the two-person rule: the account, and the staff ID if it had one. */
interface Signer {
  userId: number;
  staffId: string | null;
}

function signerOf(signoff: ValidSignoff): Signer {
  // Staff IDs compare without case, as the users table's unique index does.
  const staffId = signoff.staffId?.trim().toLowerCase() ?? '';
  return { userId: signoff.userId, staffId: staffId === '' ? null : staffId };
}

/**
 * Can each requirement be given by a different person? (A tiny bipartite matching.) Two sign-offs
 * are by the same person when they share the account or the staff ID.
 */
function distinctSigners(
  options: readonly (readonly Signer[])[],
  usedUsers = new Set<number>(),
  usedStaff = new Set<string>(),
  i = 0,
): boolean {
  if (i >= options.length) return true;
  for (const { userId, staffId } of options[i] ?? []) {
    if (usedUsers.has(userId) || (staffId !== null && usedStaff.has(staffId))) continue;
    usedUsers.add(userId);
    if (staffId !== null) usedStaff.add(staffId);
    if (distinctSigners(options, usedUsers, usedStaff, i + 1)) return true;
    usedUsers.delete(userId);
    if (staffId !== null) usedStaff.delete(staffId);
  }
  return false;
}
