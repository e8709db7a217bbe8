import {
  sectionIds,
  type AnyItem,
  type ItemType,
  type PlaybookTemplate,
  type SectionId,
  type TemplateProblem,
} from './schema';

/**
 * The items the workflow code reads by id (the patient-safety gate, the isolation check, the patch
 * result). Templates are data an administrator can replace, so each one is checked against this
 * contract when it is loaded: a template that renames one of these items fails at start-up, not at
 * the scanner.
 */

export const gateItem = {
  acquisitionRunning: 'acquisition_running',
  injectedPatientsWaiting: 'injected_patients_waiting',
  injectedPatients: 'injected_patients',
  studiesUpcoming: 'studies_upcoming',
  upcomingStudies: 'upcoming_studies',
  paperOrdersReady: 'paper_orders_ready',
  downtimeLogReady: 'downtime_log_ready',
  localImageReadingReady: 'local_image_reading_ready',
} as const;

/** Fields of one row of `injected_patients`: what is needed to compute decay, and nothing else. */
export const injectedPatientField = {
  radionuclide: 'radionuclide',
  injectedAt: 'injected_at',
} as const;

/** Fields of one row of `upcoming_studies`. */
export const upcomingStudyField = {
  scheduledAt: 'scheduled_at',
  priority: 'priority',
  plan: 'plan',
  deferralDocumented: 'deferral_documented',
} as const;

export const studyPriorities = ['urgent', 'routine'] as const;
export const studyPlans = ['other_scanner', 'other_site', 'deferred', 'none_yet'] as const;
export type StudyPlan = (typeof studyPlans)[number];

/** The exposure answers that together say "this device sits on an isolated segment". */
export const isolationAnswers = [
  { item: 'network_segment', oneOf: ['dedicated_medical'] },
  { item: 'reachable_from_business_network', oneOf: ['no'] },
  { item: 'reachable_from_internet', oneOf: ['no'] },
  { item: 'ports_filtered', oneOf: ['all_filtered'] },
] as const;

export const patchResultItem = 'patch_result';
export const patchResults = ['installed', 'not_installed'] as const;

interface Requirement {
  section: SectionId;
  item: string;
  field?: string;
  type: ItemType;
  /** Option values the code compares with; the template must offer at least these. */
  options?: readonly string[];
}

const requirements: Requirement[] = [
  { section: 'patient_safety_gate', item: gateItem.acquisitionRunning, type: 'yes_no' },
  { section: 'patient_safety_gate', item: gateItem.injectedPatientsWaiting, type: 'yes_no' },
  { section: 'patient_safety_gate', item: gateItem.injectedPatients, type: 'list' },
  {
    section: 'patient_safety_gate',
    item: gateItem.injectedPatients,
    field: injectedPatientField.radionuclide,
    type: 'choice',
  },
  {
    section: 'patient_safety_gate',
    item: gateItem.injectedPatients,
    field: injectedPatientField.injectedAt,
    type: 'datetime',
  },
  { section: 'patient_safety_gate', item: gateItem.studiesUpcoming, type: 'yes_no' },
  { section: 'patient_safety_gate', item: gateItem.upcomingStudies, type: 'list' },
  ...(
    [
      [upcomingStudyField.scheduledAt, 'datetime', undefined],
      [upcomingStudyField.priority, 'choice', studyPriorities],
      [upcomingStudyField.plan, 'choice', studyPlans],
      [upcomingStudyField.deferralDocumented, 'yes_no', undefined],
    ] as const
  ).map(([field, type, options]): Requirement => ({
    section: 'patient_safety_gate',
    item: gateItem.upcomingStudies,
    field,
    type,
    options,
  })),
  { section: 'patient_safety_gate', item: gateItem.paperOrdersReady, type: 'yes_no' },
  { section: 'patient_safety_gate', item: gateItem.downtimeLogReady, type: 'yes_no' },
  { section: 'patient_safety_gate', item: gateItem.localImageReadingReady, type: 'yes_no' },
  ...isolationAnswers.map((a): Requirement => ({
    section: 'exposure_assessment',
    item: a.item,
    type: 'choice',
    options: a.oneOf,
  })),
  { section: 'patch_record', item: patchResultItem, type: 'choice', options: patchResults },
];

/**
 * Problems that make a template unusable by the workflow: a missing section, a renamed item, a
 * radionuclide option the site's table does not know (its decay could not be computed).
 */
export function checkTemplateContract(
  template: PlaybookTemplate,
  radionuclides?: readonly string[],
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const id of sectionIds) {
    if (!template.sections.some((s) => s.id === id)) {
      problems.push({ path: ['sections'], message: `the section "${id}" is missing` });
    }
  }
  for (const req of requirements) {
    const s = template.sections.findIndex((sec) => sec.id === req.section);
    const section = template.sections[s];
    if (!section) continue; // reported above
    const i = section.items.findIndex((it) => it.id === req.item);
    const item = section.items[i];
    const where: (string | number)[] = ['sections', s, 'items'];
    if (!item) {
      problems.push({
        path: where,
        message: `the ${req.section} section needs an item "${req.item}"`,
      });
      continue;
    }
    let target: AnyItem = item;
    let path: (string | number)[] = [...where, i];
    if (req.field !== undefined) {
      if (item.type !== 'list') continue; // its own requirement reports the type
      const f = item.fields.findIndex((fd) => fd.id === req.field);
      const field = item.fields[f];
      if (!field) {
        problems.push({
          path: [...path, 'fields'],
          message: `the list "${req.item}" needs a field "${req.field}"`,
        });
        continue;
      }
      target = field;
      path = [...path, 'fields', f];
    }
    const name = req.field ?? req.item;
    if (target.type !== req.type) {
      problems.push({
        path: [...path, 'type'],
        message: `"${name}" must be a ${req.type} item (the workflow reads it), not ${target.type}`,
      });
      continue;
    }
    if (req.options && target.type === 'choice') {
      const offered = target.options.map((o) => o.value);
      const absent = req.options.filter((o) => !offered.includes(o));
      if (absent.length > 0) {
        problems.push({
          path: [...path, 'options'],
          message: `"${name}" must offer ${absent.map((a) => `"${a}"`).join(', ')}`,
        });
      }
    }
    if (
      radionuclides &&
      req.field === injectedPatientField.radionuclide &&
      target.type === 'choice'
    ) {
      target.options.forEach((o, n) => {
        if (!radionuclides.includes(o.value)) {
          problems.push({
            path: [...path, 'options', n, 'value'],
            message: `"${o.value}" is not in the radionuclide table, so its decay cannot be computed`,
          });
        }
      });
    }
  }
  return problems;
}
