import type { SectionId } from '../../playbooks/schema';
import type { WorkflowSignoffKind } from '../signoff-kinds';
import type { CaseSnapshot, TransitionRequest } from '../snapshot';
import type { WorkflowState } from '../states';
import {
  allSignoffs,
  caseIn,
  minutesAgo,
  minutesFromNow,
  people,
  signoff,
  withAnswers,
} from './workflow-fixtures';

/** Every guard of every step, one missing thing at a time; each row reads like PRODUCT.md. */

const without = (...kinds: string[]) => allSignoffs.filter((s) => !kinds.includes(s.kind));
export const blockedGate = withAnswers('patient_safety_gate', { acquisition_running: true });

export interface GuardRow {
  rule: string;
  snapshot: CaseSnapshot;
  target: WorkflowState;
  request?: TransitionRequest;
  missing: string[];
}

/** A step: the state a case is in, and the one it is asked to go to. */
type Step = [from: WorkflowState, target: WorkflowState];
const toProtected: Step = ['assessing', 'protected_connected'];
const toStandalone: Step = ['assessing', 'standalone'];
const toPatching: Step = ['standalone', 'patching'];
const toVerifying: Step = ['patching', 'verifying'];
const toReconnecting: Step = ['verifying', 'reconnecting'];
const toReturned: Step = ['reconnecting', 'returned_to_service'];
const toRestoring: Step = ['quarantined', 'restoring'];
const restoredToVerifying: Step = ['restoring', 'verifying'];

/** The case's answers complete but for `changes` to one section: the guard says what is wrong. */
const answered = (
  rule: string,
  [from, target]: Step,
  [section, changes]: [SectionId, Record<string, unknown>],
  ...missing: string[]
): GuardRow => ({
  rule,
  snapshot: caseIn(from, { answers: withAnswers(section, changes) }),
  target,
  missing,
});

/** A deferral of a case whose gate is blocked, with the re-check time asked for (if any). */
const deferring = (
  rule: string,
  recheckAt: string | undefined,
  ...missing: string[]
): GuardRow => ({
  rule,
  snapshot: caseIn('assessing', { answers: blockedGate }),
  target: 'deferred',
  ...(recheckAt === undefined ? {} : { request: { recheckAt } }),
  missing,
});

/** Who gives each sign-off, as the guards name them. */
const signerWords: Record<WorkflowSignoffKind, string> = {
  network_isolation: 'IT security (network isolation)',
  risk_acceptance: 'a biomed engineer (risk acceptance)',
  patient_safety_clear: 'a clinical lead (patient safety)',
  technical_readiness: 'a biomed engineer (technical readiness)',
  verification_biomed: 'a biomed engineer (verification)',
  verification_it: 'IT security (verification)',
  reconnect_approval: 'IT security (reconnection approval)',
  quarantine_release: 'IT security (release from quarantine)',
};

/**
 * Each sign-off a step needs, left out in turn: the guard asks for it by who gives it. (A stale
 * sign-off, its content changed since, is left out by the caller: it is missing the same way.)
 */
const eachSignoff: [Step, WorkflowSignoffKind][] = [
  [toProtected, 'network_isolation'],
  [toProtected, 'risk_acceptance'],
  [toStandalone, 'patient_safety_clear'],
  [toStandalone, 'technical_readiness'],
  [toReconnecting, 'verification_it'],
  [toReturned, 'reconnect_approval'],
  [restoredToVerifying, 'quarantine_release'],
];
const signoffRows = eachSignoff.map(([[from, target], kind]): GuardRow => ({
  rule: `${target} needs a valid sign-off from ${signerWords[kind]}`,
  snapshot: caseIn(from, { signoffs: without(kind) }),
  target,
  missing: [`Needs a valid sign-off from ${signerWords[kind]}.`],
}));

/** The pairs of sign-offs that need two different people, both given by one person (two roles). */
const twoPeople: [Step, WorkflowSignoffKind, WorkflowSignoffKind][] = [
  [toProtected, 'network_isolation', 'risk_acceptance'],
  [toStandalone, 'patient_safety_clear', 'technical_readiness'],
  [toReconnecting, 'verification_biomed', 'verification_it'],
];
const samePersonRows = twoPeople.map(([[from, target], a, b]): GuardRow => ({
  rule: `${target} needs two different people for ${signerWords[a]} and ${signerWords[b]}`,
  snapshot: caseIn(from, { signoffs: [a, b].map((kind) => ({ ...signoff(kind), userId: 7 })) }),
  target,
  missing: [
    `Two different people must sign: the sign-offs of ${signerWords[a]} and ${signerWords[b]} are by the same person. Ask another person to give one of them.`,
  ],
}));

export const guardRows: GuardRow[] = [
  // assessing → protected_connected: exposure assessed, isolated, IT security + biomed.
  answered(
    'protected_connected needs the exposure assessment complete',
    toProtected,
    ['exposure_assessment', { ports_filtered: undefined }],
    "The exposure assessment is not complete: 'Are TCP ports 80, 443 and 3465 filtered before they reach the device?' is unanswered.",
  ),
  answered(
    'protected_connected needs the assessment to show an isolated segment',
    toProtected,
    [
      'exposure_assessment',
      { network_segment: 'shared_clinical', reachable_from_business_network: 'unknown' },
    ],
    "The exposure assessment does not show an isolated segment: 'Which network segment is the device on?' is 'A shared clinical network'; keeping the device connected needs 'A dedicated medical-device segment'; 'Can the device be reached from the business (office) network?' is 'Not known'; keeping the device connected needs 'No'.",
  ),
  {
    rule: 'a sign-off given under a role that may not give it does not count',
    snapshot: caseIn('assessing', {
      signoffs: [...without('risk_acceptance'), signoff('risk_acceptance', people.itSecurity)],
    }),
    target: 'protected_connected',
    missing: [
      'Needs a valid sign-off from a biomed engineer (risk acceptance). The one given is by IT security, who cannot give it.',
    ],
  },
  // assessing → deferred: the gate is blocked, and a re-check time is set.
  {
    rule: 'deferred needs a blocked gate: a clear gate has nothing to wait for',
    snapshot: caseIn('assessing'),
    target: 'deferred',
    request: { recheckAt: minutesFromNow(60) },
    missing: [
      'The patient-safety gate is clear, so there is nothing to wait for: take the device standalone instead of deferring it.',
    ],
  },
  {
    rule: 'deferred needs a blocked gate, not an incomplete one',
    snapshot: caseIn('assessing', {
      answers: withAnswers('patient_safety_gate', { paper_orders_ready: undefined }),
    }),
    target: 'deferred',
    request: { recheckAt: minutesFromNow(60) },
    missing: [
      'The patient-safety gate is incomplete: a case is deferred only when the gate is blocked. Answer it first.',
      "'Downtime kit: paper orders ready' is unanswered.",
    ],
  },
  deferring(
    'deferred needs a re-check time',
    undefined,
    'Give a re-check time: when the gate will be answered again.',
  ),
  deferring(
    'the re-check time must be a date and time',
    'after lunch',
    'The re-check time must be a date and time with its time zone.',
  ),
  deferring(
    'the re-check time must be later than now',
    minutesAgo(5),
    'The re-check time (08:55) has passed: choose a later time.',
  ),
  deferring(
    'a deferral is for hours, not days',
    minutesFromNow(73 * 60),
    'The re-check time is more than 72 hours away: a deferral is for hours. Choose an earlier time, or keep the case in assessing.',
  ),
  // assessing → standalone: gate clear, backup checklist complete, clinical lead + biomed.
  {
    rule: 'standalone needs the gate clear: blocked, with its reasons',
    snapshot: caseIn('assessing', { answers: blockedGate }),
    target: 'standalone',
    missing: [
      'The patient-safety gate is blocked, so the device cannot be disconnected now.',
      'A patient is on the table or an acquisition is running. Not now: finish the acquisition or stop it safely, with the data saved locally, then answer the gate again.',
    ],
  },
  {
    rule: 'standalone needs the gate clear: incomplete, with what is unanswered',
    snapshot: caseIn('assessing', { answers: { patient_safety_gate: {} } }),
    target: 'standalone',
    missing: [
      'The patient-safety gate is incomplete: answer every question first.',
      "'Patient on the table or acquisition running' is unanswered.",
      "'Injected patients waiting' is unanswered.",
      "'Urgent or scheduled studies in the next hours' is unanswered.",
      "'Downtime kit: paper orders ready' is unanswered.",
      "'Downtime kit: downtime log ready' is unanswered.",
      "'Downtime kit: a way to read images locally' is unanswered.",
    ],
  },
  answered(
    'standalone needs the backup checklist complete',
    toStandalone,
    ['backup', { config_backup_taken: undefined }],
    "The backup checklist is not complete: 'Configuration backup taken' is unanswered.",
  ),
  answered(
    'standalone needs the backup verified, not only taken',
    toStandalone,
    ['backup', { backup_verified: 'not_verified' }],
    "The backup checklist is not complete: 'Backup verified' is answered 'Not verified'; it needs 'Yes, checksum compared' or 'Yes, a restore test passed'.",
  ),
  answered(
    'standalone needs who and when for each backup step',
    toStandalone,
    ['backup', { config_backup_by: undefined, config_backup_at: 'yesterday' }],
    "The backup checklist is not complete: 'Done by (name)' is unanswered; 'Taken at' must be a date and time with its time zone, like 2017-08-03T08:30:00+02:00.",
  ),
  // standalone → patching: the downtime log is final and the backup is taken again.
  answered(
    'patching needs the standalone operation log complete',
    toPatching,
    ['standalone_operation', { removable_media: 'unscanned' }],
    "The standalone operation log is not complete: 'Removable media' is answered 'Some were used without a scan'; it needs 'All removable media were scanned before use' or 'No removable media were used'.",
  ),
  {
    rule: 'patching needs the backup taken again since the device went standalone',
    snapshot: caseIn('standalone', { stateEnteredAt: minutesAgo(17) }),
    target: 'patching',
    missing: [
      "The backup checklist was done before the case entered Standalone at 08:43: before any patch or re-image, do it again ('Studies not yet sent to PACS' and 'Configuration backup taken' were recorded earlier).",
    ],
  },
  {
    rule: 'patching from protected_connected also needs a fresh backup',
    snapshot: caseIn('protected_connected', { answers: { backup: {} } }),
    target: 'patching',
    missing: [
      "The backup checklist is not complete: 'Studies not yet sent to PACS', 'Configuration backup taken', 'Backup verified' and 'Recovery media available' are unanswered.",
    ],
  },
  {
    rule: 'a case whose state entry time is unknown cannot show a recent backup',
    snapshot: caseIn('verifying', { stateEnteredAt: 'unknown' }),
    target: 'patching',
    missing: [
      'The time the case entered Verifying is not known, so the backup cannot be shown to be recent.',
    ],
  },
  // patching → verifying: the patch record, with the fix installed.
  answered(
    'verifying needs the patch record: a remote update needs its time-boxed window, engineer, start and end',
    toVerifying,
    [
      'patch_record',
      {
        update_method: 'remote',
        remote_window_opens_at: minutesAgo(60),
        remote_window_closes_at: minutesAgo(90),
      },
    ],
    `The patch record is not complete: 'Vendor engineer', 'Remote session started', 'Remote session ended' and 'Remote path closed again after the session' are unanswered; 'Remote window closes' (${minutesAgo(90)}) is before 'Remote window opens' (${minutesAgo(60)}).`,
  ),
  answered(
    'verifying needs the fix installed',
    toVerifying,
    ['patch_record', { patch_result: 'not_installed' }],
    "The patch record does not fit this step: 'Result' is 'Not installed (rolled back or postponed)'; verifying needs 'Installed'.",
  ),
  {
    rule: 'going back to assessing needs the patch recorded as not installed',
    snapshot: caseIn('patching'),
    target: 'assessing',
    missing: [
      "The patch record does not fit this step: 'Result' is 'Installed'; going back to assessing needs 'Not installed (rolled back or postponed)'.",
    ],
  },
  // verifying → reconnecting: every check passes, biomed + IT security.
  answered(
    'reconnecting needs every verification check to pass',
    toReconnecting,
    ['verification', { daily_qc_passed: false }],
    "The verification is not complete: 'Daily QC passed' is answered 'No'; it needs 'Yes'.",
  ),
  // reconnecting → returned_to_service: the backlog matches the downtime log; IT security approves.
  answered(
    'returned_to_service needs the backlog count to match the downtime log',
    toReturned,
    ['reconnection', { backlog_sent_count: 12 }],
    "The reconnection checklist is not complete: 'Backlog studies sent to PACS' (12) does not match 'Studies done locally (from the downtime log)' (14).",
  ),
  answered(
    'returned_to_service needs temporary registrations reconciled when there were any',
    toReturned,
    ['reconnection', { reconciliation_done: undefined }],
    "The reconnection checklist is not complete: 'Temporary registrations reconciled with the real orders' is unanswered.",
  ),
  // quarantined → restoring → verifying.
  answered(
    'restoring needs the evidence preserved, settings unchanged',
    toRestoring,
    ['evidence_preservation', { settings_left_unchanged: false }],
    "The evidence preservation checklist is not complete: 'Settings left unchanged' is answered 'No'; it needs 'Yes'.",
  ),
  answered(
    'verifying after restoring needs the re-imaging complete',
    restoredToVerifying,
    ['reimaging', { patched_before_network: undefined }],
    "The re-imaging checklist is not complete: 'Patched to the advisory's remediation before any network connection' is unanswered.",
  ),
  // The sign-offs of every step.
  ...signoffRows,
  ...samePersonRows,
];
