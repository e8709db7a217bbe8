import type { AnswerValue, ChecklistSectionId } from '../../api/domains/cases';

/**
 * The checklist answers the demo staff give in the walkthrough, as a careful team would. Times are
 * relative to the walkthrough's "now"; no patient data anywhere, only counts, times and yes/no.
 */

export type SectionAnswerList = readonly [string, AnswerValue][];

const at = (now: Date, minutes = 0) => new Date(now.getTime() + minutes * 60_000).toISOString();

/** On the shared clinical network, reachable from the business network: not isolated. */
export const exposedOnClinicalNetwork = (patch: 'available' | 'announced'): SectionAnswerList => [
  ['network_segment', 'shared_clinical'],
  ['segment_name', 'VLAN 40 Clinical'],
  ['reachable_from_business_network', 'yes'],
  ['reachable_from_internet', 'no'],
  ['ports_filtered', 'some_open'],
  ['remote_update_capable', patch === 'available'],
  ['patch_availability', patch],
];

/** A workplace on the dedicated imaging segment, the advisory's ports blocked at its edge. */
export const isolatedSegment: SectionAnswerList = [
  ['network_segment', 'dedicated_medical'],
  ['segment_name', 'VLAN 212 NM-Imaging'],
  ['reachable_from_business_network', 'no'],
  ['reachable_from_internet', 'no'],
  ['ports_filtered', 'all_filtered'],
  ['remote_update_capable', true],
  ['patch_availability', 'available'],
];

const kitReady: SectionAnswerList = [
  ['paper_orders_ready', true],
  ['downtime_log_ready', true],
  ['local_image_reading_ready', true],
];

/** Nobody on the table, nobody waiting; the afternoon's routine study moved to the other scanner. */
export const gateClear = (now: Date): SectionAnswerList => [
  ['acquisition_running', false],
  ['injected_patients_waiting', false],
  ['studies_upcoming', true],
  [
    'upcoming_studies',
    [{ scheduled_at: at(now, 150), priority: 'routine', plan: 'other_scanner' }],
  ],
  ...kitReady,
];

/** A patient injected with F-18 thirty minutes ago is still waiting to be imaged. */
export const gateInjectedPatientWaiting = (now: Date): SectionAnswerList => [
  ['acquisition_running', false],
  ['injected_patients_waiting', true],
  ['injected_patients', [{ radionuclide: 'F-18', injected_at: at(now, -30) }]],
  ['studies_upcoming', false],
  ...kitReady,
];

/** Taken by the biomed at `now` (again before the patch: every "when" must be recent). */
export const backupDone = (now: Date, who: string): SectionAnswerList => [
  ['unsent_studies', 'preserved_locally'],
  ['unsent_studies_count', 3],
  ['unsent_studies_by', who],
  ['unsent_studies_at', at(now)],
  ['config_backup_taken', true],
  ['config_backup_by', who],
  ['config_backup_at', at(now)],
  ['backup_verified', 'checksum'],
  ['backup_verified_by', who],
  ['backup_verified_at', at(now)],
  ['recovery_media_available', true],
  ['recovery_media_location', 'Biomed cabinet B2'],
  ['recovery_media_by', who],
  ['recovery_media_at', at(now)],
];

export const standaloneLog = (studies: number, registrations: number): SectionAnswerList => [
  ['studies_done_locally', studies],
  ['temporary_registrations', registrations],
  ['removable_media', 'scanned'],
];

export const patchedOnSite = (now: Date): SectionAnswerList => [
  ['vendor_fix_id', 'Siemens MI Win7 security update (MS15-034, KB3042553)'],
  ['update_method', 'on_site'],
  ['onsite_engineer', 'Siemens Healthineers FSE (demo)'],
  ['onsite_performed_at', at(now)],
  ['patch_result', 'installed'],
];

export const verified: SectionAnswerList = [
  ['patch_level_matches', true],
  ['daily_qc_passed', true],
  ['clock_in_sync', true],
  ['exposed_ports_closed', true],
];

export const reconnected = (backlog: number): SectionAnswerList => [
  ['dicom_echo_ok', true],
  ['test_study_committed', true],
  ['backlog_sent_count', backlog],
  ['reconciliation_done', true],
];

export type Answers = { section: ChecklistSectionId; answers: SectionAnswerList };
