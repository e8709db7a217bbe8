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
  workflowSignoffKinds,
  type ValidSignoff,
  type WorkflowSignoffKind,
} from './signoff-kinds';
import type { CaseSnapshot, TransitionRequest } from './snapshot';
import { isWorkflowState, stateLabels } from './states';
// Type-only cycle with transitions.ts (erased at build): its rules name the guards evaluated here.
import type { Guard, TransitionRule } from './transitions';
import { formatClock, listPhrase } from './wording';

/** How each guard and sign-off of a transition rule turns into "what is missing", in plain words. */

/** How a section is named inside a sentence. */
export const sectionPhrases: Record<SectionId, string> = {
  exposure_assessment: 'the exposure assessment',
  patient_safety_gate: 'the patient-safety gate',
  backup: 'the backup checklist',
  standalone_operation: 'the standalone operation log',
  patch_record: 'the patch record',
  verification: 'the verification',
  reconnection: 'the reconnection checklist',
  evidence_preservation: 'the evidence preservation checklist',
  reimaging: 'the re-imaging checklist',
};

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

/** The same problems, each with where it is put right (for links on the case page). */
export function evaluateGuardsAt(
  rule: TransitionRule,
  snapshot: CaseSnapshot,
  now: Date,
  request: TransitionRequest,
  options: GuardOptions,
): { text: string; at: MissingAt }[] {
  const missing: { text: string; at: MissingAt }[] = [];
  for (const guard of rule.guards) {
    if (!options.withRequest && (guard.kind === 'reason' || guard.kind === 'recheck_time'))
      continue;
    const at = guardTarget(guard);
    for (const text of guardProblems(guard, snapshot, now, request)) missing.push({ text, at });
  }
  // One kind at a time gives the same sentences in the same order, each with its kind.
  let unsigned = false;
  for (const kind of rule.signoffs) {
    for (const text of signoffProblems([kind], snapshot.signoffs)) {
      unsigned = true;
      missing.push({ text, at: { signoff: kind } });
    }
  }
  const last = rule.signoffs.at(-1);
  if (!unsigned && last !== undefined) {
    for (const text of signoffProblems(rule.signoffs, snapshot.signoffs))
      missing.push({ text, at: { signoff: last } });
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
): string[] {
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
      if (reason === '') {
        return ['Say why a compromise is suspected: what was seen, and when.'];
      }
      return reason.length > maxReasonLength
        ? [`Keep the reason under ${maxReasonLength} characters.`]
        : [];
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "The backup checklist is not complete: 'Configuration backup taken' is unanswered." */
function sectionProblems(snapshot: CaseSnapshot, id: SectionId, now: Date): string[] {
  const status = sectionStatus(snapshot.template, id, snapshot.answers, { now });
  if (status.done) return [];
  return [
    `${capitalise(sectionPhrases[id])} is not complete: ${describeProblems(status.problems)}.`,
  ];
}

function describeProblems(problems: readonly ItemProblem[]): string {
  const unanswered = problems.filter((p) => p.kind === 'unanswered').map((p) => `'${p.label}'`);
  const parts: string[] = [];
  if (unanswered.length > 0) {
    parts.push(`${listPhrase(unanswered)} ${unanswered.length === 1 ? 'is' : 'are'} unanswered`);
  }
  for (const p of problems.filter((q) => q.kind !== 'unanswered')) parts.push(p.message);
  return parts.join('; ');
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
function staleBackupProblems(snapshot: CaseSnapshot, now: Date): string[] {
  const state = isWorkflowState(snapshot.state) ? stateLabels[snapshot.state] : 'its state';
  const older = staleBackupItems(snapshot);
  const entered = parseDateTime(snapshot.stateEnteredAt);
  if (older === null || !entered) {
    return [
      `The time the case entered ${state} is not known, so the backup cannot be shown to be recent.`,
    ];
  }
  if (older.length === 0) return [];
  // A "when" item reads best as the step it belongs to ("Configuration backup taken"), not "Taken at".
  const steps = older.map((item) => {
    const step = item.showWhen ? findItem(snapshot.template, item.showWhen.item) : undefined;
    return `'${step?.item.label ?? item.label}'`;
  });
  const when = formatClock(entered, now, snapshot.timeZone);
  return [
    `The backup checklist was done before the case entered ${state} at ${when}: before any patch or re-image, do it again (${listPhrase(steps)} ${steps.length === 1 ? 'was' : 'were'} recorded earlier).`,
  ];
}

function gateProblems(needed: GateVerdict, snapshot: CaseSnapshot): string[] {
  const { verdict, reasons, missing } = snapshot.gate;
  if (verdict === needed) return [];
  if (verdict === 'blocked') {
    return [
      'The patient-safety gate is blocked, so the device cannot be disconnected now.',
      ...reasons,
    ];
  }
  if (verdict === 'clear') {
    return [
      'The patient-safety gate is clear, so there is nothing to wait for: take the device standalone instead of deferring it.',
    ];
  }
  const why =
    needed === 'blocked'
      ? 'The patient-safety gate is incomplete: a case is deferred only when the gate is blocked. Answer it first.'
      : 'The patient-safety gate is incomplete: answer every question first.';
  return [why, ...(missing.length > 0 ? missing : ['The gate has not been evaluated.'])];
}

function answerProblems(
  guard: Extract<Guard, { kind: 'answers' }>,
  snapshot: CaseSnapshot,
): string[] {
  const wrong: string[] = [];
  for (const { item: id, oneOf } of guard.expect) {
    const found = findItem(snapshot.template, id);
    if (!found) continue; // a template passes the contract check at load, so this is not expected
    const value = answerOf(snapshot.template, snapshot.answers, id);
    if (isUnanswered(value) || oneOf.some((v) => v === value)) continue;
    const expected = listPhrase(oneOf.map((v) => `'${describeAnswer(found.item, v)}'`));
    wrong.push(
      `'${found.item.label}' is '${describeAnswer(found.item, value)}'; ${guard.purpose} ${expected}`,
    );
  }
  return wrong.length > 0 ? [`${guard.summary}: ${wrong.join('; ')}.`] : [];
}

function recheckProblems(value: unknown, now: Date, timeZone?: string): string[] {
  if (isUnanswered(value)) return ['Give a re-check time: when the gate will be answered again.'];
  const at = parseDateTime(value);
  if (!at) return ['The re-check time must be a date and time with its time zone.'];
  if (at <= now) {
    return [
      `The re-check time (${formatClock(at, now, timeZone)}) has passed: choose a later time.`,
    ];
  }
  if (at.getTime() - now.getTime() > maxRecheckHours * 3_600_000) {
    return [
      `The re-check time is more than ${maxRecheckHours} hours away: a deferral is for hours. Choose an earlier time, or keep the case in assessing.`,
    ];
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
  const signoffs = Array.isArray(given) ? given : [];
  const candidates = kinds.map((kind) => signoffs.filter((s) => satisfies(s, kind)));
  const problems: string[] = [];
  kinds.forEach((kind, i) => {
    if ((candidates[i] ?? []).length > 0) return;
    const wrongRole = signoffs.find((s) => s.kind === kind);
    problems.push(
      `Needs a valid sign-off from ${whoMaySign(kind)} (${workflowSignoffKinds[kind].topic}).` +
        (wrongRole ? ` The one given is by ${roleName(wrongRole.role)}, who cannot give it.` : ''),
    );
  });
  if (problems.length > 0 || kinds.length < 2) return problems;
  if (!distinctSigners(candidates.map((c) => c.map(signerOf)))) {
    const who = kinds.map((k) => `${whoMaySign(k)} (${workflowSignoffKinds[k].topic})`);
    return [
      `Two different people must sign: the sign-offs of ${listPhrase(who)} are by the same person. Ask another person to give one of them.`,
    ];
  }
  return [];
}

/** "a clinical lead", or "a biomed engineer or IT security" for a kind several roles may give. */
export function whoMaySign(kind: WorkflowSignoffKind): string {
  const roles = rolesFor(kind).map((r) => roleInSentence[r]);
  return roles.length <= 1
    ? (roles[0] ?? 'someone')
    : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`;
}

function roleName(role: string): string {
  return role in roleInSentence
    ? roleInSentence[role as keyof typeof roleInSentence]
    : `someone with the role "${role}"`;
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
