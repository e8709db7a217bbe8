import path from 'node:path';
import type { CaseAnswers, SectionAnswers } from '../../playbooks/answers';
import { loadPlaybooks } from '../../playbooks/load';
import type { PlaybookTemplate, SectionId } from '../../playbooks/schema';
import { evaluatePatientSafetyGate } from '../gate';
import { loadRadionuclideTable } from '../radionuclides';
import type { ValidSignoff, WorkflowSignoffKind } from '../signoff-kinds';
import type { CaseSnapshot } from '../snapshot';
import type { WorkflowState } from '../states';

/**
 * Shared material for the workflow and playbook tests: the shipped template and radionuclide table
 * (the real resources, so the tests also prove they load), a fixed "now", and a case whose every
 * checklist is filled in as a careful team would. Tests take it and break one thing at a time.
 */

export const resourcesDir = path.resolve(import.meta.dirname, '../../../../resources');
export const radionuclideTable = loadRadionuclideTable(
  path.join(resourcesDir, 'radionuclides.json'),
);
export const library = loadPlaybooks(path.join(resourcesDir, 'playbooks'), {
  radionuclides: radionuclideTable.radionuclides.map((r) => r.radionuclide),
});

function shipped(): PlaybookTemplate {
  const template = library.latest('icsma-standalone-response');
  if (!template) throw new Error('The shipped playbook template is missing.');
  return template;
}
export const template = shipped();

/** 3 August 2017, 09:00 UTC: the week ICSMA-17-215-02 was published. */
export const now = new Date('2017-08-03T09:00:00Z');
export const minutesAgo = (minutes: number): string =>
  new Date(now.getTime() - minutes * 60_000).toISOString();
export const minutesFromNow = (minutes: number): string => minutesAgo(-minutes);

/** A gate with nothing holding the device: no acquisition, nobody waiting, nothing booked, kit ready. */
export const clearGateAnswers: SectionAnswers = {
  acquisition_running: false,
  injected_patients_waiting: false,
  studies_upcoming: false,
  paper_orders_ready: true,
  downtime_log_ready: true,
  local_image_reading_ready: true,
};

/** Every section answered so that every check passes; backups 20 minutes ago. */
export const completeAnswers: Record<SectionId, SectionAnswers> = {
  exposure_assessment: {
    network_segment: 'dedicated_medical',
    segment_name: 'VLAN 212 NM-Imaging',
    reachable_from_business_network: 'no',
    reachable_from_internet: 'no',
    ports_filtered: 'all_filtered',
    remote_update_capable: true,
    patch_availability: 'available',
  },
  patient_safety_gate: clearGateAnswers,
  backup: {
    unsent_studies: 'preserved_locally',
    unsent_studies_count: 3,
    unsent_studies_by: 'M. Keller',
    unsent_studies_at: minutesAgo(20),
    config_backup_taken: true,
    config_backup_by: 'M. Keller',
    config_backup_at: minutesAgo(20),
    backup_verified: 'checksum',
    backup_verified_by: 'A. Rossi',
    backup_verified_at: minutesAgo(15),
    recovery_media_available: true,
    recovery_media_location: 'Biomed cabinet B2',
    recovery_media_by: 'A. Rossi',
    recovery_media_at: minutesAgo(15),
  },
  standalone_operation: {
    studies_done_locally: 14,
    temporary_registrations: 2,
    removable_media: 'scanned',
  },
  patch_record: {
    vendor_fix_id: 'VB22A-HF05',
    update_method: 'on_site',
    onsite_engineer: 'Vendor FSE T. Brun',
    onsite_performed_at: minutesAgo(10),
    patch_result: 'installed',
  },
  verification: {
    patch_level_matches: true,
    daily_qc_passed: true,
    clock_in_sync: true,
    exposed_ports_closed: true,
  },
  reconnection: {
    dicom_echo_ok: true,
    test_study_committed: true,
    backlog_sent_count: 14,
    reconciliation_done: true,
  },
  evidence_preservation: {
    photos_taken: true,
    error_codes_logs_captured: true,
    chain_of_custody: true,
    evidence_custodian: 'IT-Sec on call',
    settings_left_unchanged: true,
    evidence_collected_at: minutesAgo(25),
  },
  reimaging: {
    media_source: 'vendor_media',
    media_integrity_checked: true,
    reimaged_by: 'Vendor FSE T. Brun',
    reimaged_at: minutesAgo(5),
    patched_before_network: true,
  },
};

/** Three different people, each signing under their own role. */
export const people = {
  clinicalLead: { userId: 11, role: 'clinical_lead' },
  biomed: { userId: 12, role: 'biomed' },
  itSecurity: { userId: 13, role: 'it_security' },
} as const;

const signerOf: Record<WorkflowSignoffKind, { userId: number; role: string }> = {
  network_isolation: people.itSecurity,
  risk_acceptance: people.biomed,
  patient_safety_clear: people.clinicalLead,
  technical_readiness: people.biomed,
  verification_biomed: people.biomed,
  verification_it: people.itSecurity,
  reconnect_approval: people.itSecurity,
  quarantine_release: people.itSecurity,
};

export function signoff(kind: WorkflowSignoffKind, who = signerOf[kind]): ValidSignoff {
  return { kind, userId: who.userId, role: who.role };
}

export const allSignoffs: ValidSignoff[] = (Object.keys(signerOf) as WorkflowSignoffKind[]).map(
  (kind) => signoff(kind),
);

/** A case in `state` with everything in order; entered its state 30 minutes ago (before the backups). */
export function caseIn(
  state: WorkflowState,
  changes: {
    answers?: Partial<Record<SectionId, SectionAnswers>>;
    signoffs?: ValidSignoff[];
    gate?: CaseSnapshot['gate'];
    stateEnteredAt?: string;
    recheckAt?: string | null;
  } = {},
): CaseSnapshot {
  const answers: CaseAnswers = { ...completeAnswers, ...changes.answers };
  return {
    state,
    stateEnteredAt: changes.stateEnteredAt ?? minutesAgo(30),
    template,
    answers,
    gate:
      changes.gate ??
      evaluatePatientSafetyGate(answers.patient_safety_gate, now, radionuclideTable),
    signoffs: changes.signoffs ?? allSignoffs,
    recheckAt: changes.recheckAt ?? null,
    timeZone: 'UTC',
  };
}

/** One section's complete answers with some items changed (`undefined` removes an answer). */
export function withAnswers(
  section: SectionId,
  changes: Record<string, unknown>,
): Partial<Record<SectionId, SectionAnswers>> {
  const merged = Object.entries({ ...completeAnswers[section], ...changes }).filter(
    ([, value]) => value !== undefined,
  );
  return { [section]: Object.fromEntries(merged) };
}
