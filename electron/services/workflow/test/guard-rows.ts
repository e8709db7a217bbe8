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

export const guardRows: GuardRow[] = [
  // assessing → protected_connected: exposure assessed, isolated, IT security + biomed.
  {
    rule: 'protected_connected needs the exposure assessment complete',
    snapshot: caseIn('assessing', {
      answers: withAnswers('exposure_assessment', { ports_filtered: undefined }),
    }),
    target: 'protected_connected',
    missing: [
      "The exposure assessment is not complete: 'Are TCP ports 80, 443 and 3465 filtered before they reach the device?' is unanswered.",
    ],
  },
  {
    rule: 'protected_connected needs the assessment to show an isolated segment',
    snapshot: caseIn('assessing', {
      answers: withAnswers('exposure_assessment', {
        network_segment: 'shared_clinical',
        reachable_from_business_network: 'unknown',
      }),
    }),
    target: 'protected_connected',
    missing: [
      "The exposure assessment does not show an isolated segment: 'Which network segment is the device on?' is 'A shared clinical network'; keeping the device connected needs 'A dedicated medical-device segment'; 'Can the device be reached from the business (office) network?' is 'Not known'; keeping the device connected needs 'No'.",
    ],
  },
  {
    rule: 'protected_connected needs IT security to attest network isolation',
    snapshot: caseIn('assessing', { signoffs: without('network_isolation') }),
    target: 'protected_connected',
    missing: ['Needs a valid sign-off from IT security (network isolation).'],
  },
  {
    rule: 'protected_connected needs the risk owner (biomed) to accept the residual risk',
    snapshot: caseIn('assessing', { signoffs: without('risk_acceptance') }),
    target: 'protected_connected',
    missing: ['Needs a valid sign-off from a biomed engineer (risk acceptance).'],
  },
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
  {
    rule: 'protected_connected needs two different people (one person holding both roles signs once)',
    snapshot: caseIn('assessing', {
      signoffs: [
        signoff('network_isolation', { userId: 7, role: 'it_security' }),
        signoff('risk_acceptance', { userId: 7, role: 'biomed' }),
      ],
    }),
    target: 'protected_connected',
    missing: [
      'Two different people must sign: the sign-offs of IT security (network isolation) and a biomed engineer (risk acceptance) are by the same person. Ask another person to give one of them.',
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
  {
    rule: 'deferred needs a re-check time',
    snapshot: caseIn('assessing', { answers: blockedGate }),
    target: 'deferred',
    missing: ['Give a re-check time: when the gate will be answered again.'],
  },
  {
    rule: 'the re-check time must be a date and time',
    snapshot: caseIn('assessing', { answers: blockedGate }),
    target: 'deferred',
    request: { recheckAt: 'after lunch' },
    missing: ['The re-check time must be a date and time with its time zone.'],
  },
  {
    rule: 'the re-check time must be later than now',
    snapshot: caseIn('assessing', { answers: blockedGate }),
    target: 'deferred',
    request: { recheckAt: minutesAgo(5) },
    missing: ['The re-check time (08:55) has passed: choose a later time.'],
  },
  {
    rule: 'a deferral is for hours, not days',
    snapshot: caseIn('assessing', { answers: blockedGate }),
    target: 'deferred',
    request: { recheckAt: minutesFromNow(73 * 60) },
    missing: [
      'The re-check time is more than 72 hours away: a deferral is for hours. Choose an earlier time, or keep the case in assessing.',
    ],
  },
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
  {
    rule: 'standalone needs the backup checklist complete',
    snapshot: caseIn('assessing', {
      answers: withAnswers('backup', { config_backup_taken: undefined }),
    }),
    target: 'standalone',
    missing: ["The backup checklist is not complete: 'Configuration backup taken' is unanswered."],
  },
  {
    rule: 'standalone needs the backup verified, not only taken',
    snapshot: caseIn('assessing', {
      answers: withAnswers('backup', { backup_verified: 'not_verified' }),
    }),
    target: 'standalone',
    missing: [
      "The backup checklist is not complete: 'Backup verified' is answered 'Not verified'; it needs 'Yes, checksum compared' or 'Yes, a restore test passed'.",
    ],
  },
  {
    rule: 'standalone needs who and when for each backup step',
    snapshot: caseIn('assessing', {
      answers: withAnswers('backup', {
        config_backup_by: undefined,
        config_backup_at: 'yesterday',
      }),
    }),
    target: 'standalone',
    missing: [
      "The backup checklist is not complete: 'Done by (name)' is unanswered; 'Taken at' must be a date and time with its time zone, like 2017-08-03T08:30:00+02:00.",
    ],
  },
  {
    rule: 'standalone needs a clinical lead to sign for patient safety',
    snapshot: caseIn('assessing', { signoffs: without('patient_safety_clear') }),
    target: 'standalone',
    missing: ['Needs a valid sign-off from a clinical lead (patient safety).'],
  },
  {
    rule: 'a stale sign-off (content changed since) is left out by the caller and so missing',
    snapshot: caseIn('assessing', { signoffs: without('technical_readiness') }),
    target: 'standalone',
    missing: ['Needs a valid sign-off from a biomed engineer (technical readiness).'],
  },
  {
    rule: 'standalone needs two different people for patient safety and technical readiness',
    snapshot: caseIn('assessing', {
      signoffs: [
        signoff('patient_safety_clear', { userId: 9, role: 'clinical_lead' }),
        signoff('technical_readiness', { userId: 9, role: 'biomed' }),
      ],
    }),
    target: 'standalone',
    missing: [
      'Two different people must sign: the sign-offs of a clinical lead (patient safety) and a biomed engineer (technical readiness) are by the same person. Ask another person to give one of them.',
    ],
  },
  // standalone → patching: the downtime log is final and the backup is taken again.
  {
    rule: 'patching needs the standalone operation log complete',
    snapshot: caseIn('standalone', {
      answers: withAnswers('standalone_operation', { removable_media: 'unscanned' }),
    }),
    target: 'patching',
    missing: [
      "The standalone operation log is not complete: 'Removable media' is answered 'Some were used without a scan'; it needs 'All removable media were scanned before use' or 'No removable media were used'.",
    ],
  },
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
  {
    rule: 'verifying needs the patch record: a remote update needs its time-boxed window, engineer, start and end',
    snapshot: caseIn('patching', {
      answers: withAnswers('patch_record', {
        update_method: 'remote',
        remote_window_opens_at: minutesAgo(60),
        remote_window_closes_at: minutesAgo(90),
      }),
    }),
    target: 'verifying',
    missing: [
      `The patch record is not complete: 'Vendor engineer', 'Remote session started', 'Remote session ended' and 'Remote path closed again after the session' are unanswered; 'Remote window closes' (${minutesAgo(90)}) is before 'Remote window opens' (${minutesAgo(60)}).`,
    ],
  },
  {
    rule: 'verifying needs the fix installed',
    snapshot: caseIn('patching', {
      answers: withAnswers('patch_record', { patch_result: 'not_installed' }),
    }),
    target: 'verifying',
    missing: [
      "The patch record does not fit this step: 'Result' is 'Not installed (rolled back or postponed)'; verifying needs 'Installed'.",
    ],
  },
  {
    rule: 'going back to assessing needs the patch recorded as not installed',
    snapshot: caseIn('patching'),
    target: 'assessing',
    missing: [
      "The patch record does not fit this step: 'Result' is 'Installed'; going back to assessing needs 'Not installed (rolled back or postponed)'.",
    ],
  },
  // verifying → reconnecting: every check passes, biomed + IT security.
  {
    rule: 'reconnecting needs every verification check to pass',
    snapshot: caseIn('verifying', {
      answers: withAnswers('verification', { daily_qc_passed: false }),
    }),
    target: 'reconnecting',
    missing: [
      "The verification is not complete: 'Daily QC passed' is answered 'No'; it needs 'Yes'.",
    ],
  },
  {
    rule: 'reconnecting needs IT security to sign the verification',
    snapshot: caseIn('verifying', { signoffs: without('verification_it') }),
    target: 'reconnecting',
    missing: ['Needs a valid sign-off from IT security (verification).'],
  },
  {
    rule: 'reconnecting needs two different people for the two verification sign-offs',
    snapshot: caseIn('verifying', {
      signoffs: [
        signoff('verification_biomed', { userId: 5, role: 'biomed' }),
        signoff('verification_it', { userId: 5, role: 'it_security' }),
      ],
    }),
    target: 'reconnecting',
    missing: [
      'Two different people must sign: the sign-offs of a biomed engineer (verification) and IT security (verification) are by the same person. Ask another person to give one of them.',
    ],
  },
  // reconnecting → returned_to_service: the backlog matches the downtime log; IT security approves.
  {
    rule: 'returned_to_service needs the backlog count to match the downtime log',
    snapshot: caseIn('reconnecting', {
      answers: withAnswers('reconnection', { backlog_sent_count: 12 }),
    }),
    target: 'returned_to_service',
    missing: [
      "The reconnection checklist is not complete: 'Backlog studies sent to PACS' (12) does not match 'Studies done locally (from the downtime log)' (14).",
    ],
  },
  {
    rule: 'returned_to_service needs temporary registrations reconciled when there were any',
    snapshot: caseIn('reconnecting', {
      answers: withAnswers('reconnection', { reconciliation_done: undefined }),
    }),
    target: 'returned_to_service',
    missing: [
      "The reconnection checklist is not complete: 'Temporary registrations reconciled with the real orders' is unanswered.",
    ],
  },
  {
    rule: 'returned_to_service needs IT security to approve the reconnection',
    snapshot: caseIn('reconnecting', { signoffs: without('reconnect_approval') }),
    target: 'returned_to_service',
    missing: ['Needs a valid sign-off from IT security (reconnection approval).'],
  },
  // quarantined → restoring → verifying.
  {
    rule: 'restoring needs the evidence preserved, settings unchanged',
    snapshot: caseIn('quarantined', {
      answers: withAnswers('evidence_preservation', { settings_left_unchanged: false }),
    }),
    target: 'restoring',
    missing: [
      "The evidence preservation checklist is not complete: 'Settings left unchanged' is answered 'No'; it needs 'Yes'.",
    ],
  },
  {
    rule: 'verifying after restoring needs the re-imaging complete',
    snapshot: caseIn('restoring', {
      answers: withAnswers('reimaging', { patched_before_network: undefined }),
    }),
    target: 'verifying',
    missing: [
      "The re-imaging checklist is not complete: 'Patched to the advisory's remediation before any network connection' is unanswered.",
    ],
  },
  {
    rule: 'verifying after restoring needs IT security to release the device from quarantine',
    snapshot: caseIn('restoring', { signoffs: without('quarantine_release') }),
    target: 'verifying',
    missing: ['Needs a valid sign-off from IT security (release from quarantine).'],
  },
];
