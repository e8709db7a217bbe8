/**
 * The roles and the kinds of sign-off they give: lists the API's domains and the permission table
 * both read (kept apart from the table, which is keyed by every method, so no domain imports it).
 */

export const roles = [
  'technologist',
  'clinical_lead',
  'biomed',
  'it_security',
  'incident_commander',
  'admin',
] as const;
export type Role = (typeof roles)[number];

/** English names for messages; the UI translates the role codes itself. */
export const roleLabels: Record<Role, string> = {
  technologist: 'Technologist',
  clinical_lead: 'Clinical lead',
  biomed: 'Clinical engineering (biomed)',
  it_security: 'IT security',
  incident_commander: 'Incident commander',
  admin: 'Administrator',
};

interface SignoffKindSpec {
  roles: readonly Role[];
  /** The fixed sentence the signer attests; stored with each sign-off as it read when given. */
  statement: string;
}

export const signoffKinds = {
  patient_safety_clear: {
    roles: ['clinical_lead'],
    statement:
      'I confirm that patient safety and treatment are not at risk from taking this device off the network.',
  },
  technical_readiness: {
    roles: ['biomed'],
    statement:
      'I confirm that this device is technically ready to run standalone: studies not yet sent to PACS are sent or kept locally, its configuration backup is taken and verified, and recovery media are at hand.',
  },
  network_isolation: {
    roles: ['it_security'],
    statement:
      'I confirm that this device is connected only to a verified, isolated network segment that cannot be reached from the business network or the internet, and that the ports named in the advisory are blocked from outside that segment.',
  },
  risk_acceptance: {
    roles: ['biomed'],
    statement:
      'I accept, for the owner of this device, the residual risk of keeping it in use until it is patched, with the protections recorded here.',
  },
  verification_biomed: {
    roles: ['biomed'],
    statement:
      'I confirm that the patch level of this device matches the remediation in the advisory, that daily quality control passed and that its clock is in sync, so it is fit for clinical use.',
  },
  verification_it: {
    roles: ['it_security'],
    statement:
      'I confirm that the fix named in the advisory is installed on this device and that the vulnerable ports are closed or filtered.',
  },
  reconnect_approval: {
    roles: ['it_security'],
    statement:
      'I approve reconnecting this device to the network: it is patched and verified, and it returns to the network path recorded here.',
  },
  bulk_decision: {
    roles: ['incident_commander'],
    statement:
      'I take this decision as incident commander for every device listed here, on the information recorded at the time I sign.',
  },
  quarantine_release: {
    roles: ['it_security'],
    statement:
      'I confirm that this device was re-imaged from known-good vendor media and patched before any network exposure, and that the evidence of the suspected compromise is preserved.',
  },
} as const satisfies Record<string, SignoffKindSpec>;

export type SignoffKind = keyof typeof signoffKinds;
export const signoffKindNames = Object.keys(signoffKinds) as [SignoffKind, ...SignoffKind[]];
