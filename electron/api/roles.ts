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

/** The languages a sign-off statement is written in: the UI's languages. */
export const statementLanguages = ['en', 'de'] as const;
export type StatementLanguage = (typeof statementLanguages)[number];

interface SignoffKindSpec {
  roles: readonly Role[];
  /**
   * The fixed sentence the signer attests, in each language of the UI: a person signs the words
   * they read, so a sign-off stores the statement in the language it was shown in
   * (`signoffStatement`). Sign-offs given before there was a German one keep their English text.
   */
  statements: Readonly<Record<StatementLanguage, string>>;
}

export const signoffKinds = {
  patient_safety_clear: {
    roles: ['clinical_lead'],
    statements: {
      en: 'I confirm that patient safety and treatment are not at risk from taking this device off the network.',
      de: 'Ich bestätige, dass die Patientensicherheit und die Behandlung nicht gefährdet sind, wenn dieses Gerät vom Netzwerk getrennt wird.',
    },
  },
  technical_readiness: {
    roles: ['biomed'],
    statements: {
      en: 'I confirm that this device is technically ready to run standalone: studies not yet sent to PACS are sent or kept locally, its configuration backup is taken and verified, and recovery media are at hand.',
      de: 'Ich bestätige, dass dieses Gerät technisch bereit ist, ohne Netzwerk (standalone) zu laufen: Noch nicht an das PACS gesendete Studien sind gesendet oder lokal gesichert, die Sicherung seiner Konfiguration ist erstellt und geprüft, und Wiederherstellungsmedien liegen bereit.',
    },
  },
  network_isolation: {
    roles: ['it_security'],
    statements: {
      en: 'I confirm that this device is connected only to a verified, isolated network segment that cannot be reached from the business network or the internet, and that the ports named in the advisory are blocked from outside that segment.',
      de: 'Ich bestätige, dass dieses Gerät nur mit einem geprüften, isolierten Netzwerksegment verbunden ist, das weder aus dem Büronetzwerk noch aus dem Internet erreichbar ist, und dass die im Sicherheitshinweis genannten Ports von außerhalb dieses Segments gesperrt sind.',
    },
  },
  risk_acceptance: {
    roles: ['biomed'],
    statements: {
      en: 'I accept, for the owner of this device, the residual risk of keeping it in use until it is patched, with the protections recorded here.',
      de: 'Ich akzeptiere für den Betreiber dieses Geräts das Restrisiko, es mit den hier erfassten Schutzmaßnahmen weiter zu verwenden, bis der Patch eingespielt ist.',
    },
  },
  verification_biomed: {
    roles: ['biomed'],
    statements: {
      en: 'I confirm that the patch level of this device matches the remediation in the advisory, that daily quality control passed and that its clock is in sync, so it is fit for clinical use.',
      de: 'Ich bestätige, dass der Patch-Stand dieses Geräts der im Sicherheitshinweis genannten Behebung entspricht, dass die tägliche Qualitätskontrolle bestanden ist und dass seine Uhr synchron läuft, sodass es für den klinischen Einsatz geeignet ist.',
    },
  },
  verification_it: {
    roles: ['it_security'],
    statements: {
      en: 'I confirm that the fix named in the advisory is installed on this device and that the vulnerable ports are closed or filtered.',
      de: 'Ich bestätige, dass die im Sicherheitshinweis genannte Korrektur auf diesem Gerät installiert ist und dass die verwundbaren Ports geschlossen oder gefiltert sind.',
    },
  },
  reconnect_approval: {
    roles: ['it_security'],
    statements: {
      en: 'I approve reconnecting this device to the network: it is patched and verified, and it returns to the network path recorded here.',
      de: 'Ich gebe die Wiederverbindung dieses Geräts mit dem Netzwerk frei: Der Patch ist eingespielt und geprüft, und das Gerät kehrt auf den hier erfassten Netzwerkpfad zurück.',
    },
  },
  bulk_decision: {
    roles: ['incident_commander'],
    statements: {
      en: 'I take this decision as incident commander for every device listed here, on the information recorded at the time I sign.',
      de: 'Ich treffe diesen Entscheid als Einsatzleitung für jedes hier aufgeführte Gerät, auf der Grundlage der Angaben, die zum Zeitpunkt meiner Unterschrift erfasst sind.',
    },
  },
  quarantine_release: {
    roles: ['it_security'],
    statements: {
      en: 'I confirm that this device was re-imaged from known-good vendor media and patched before any network exposure, and that the evidence of the suspected compromise is preserved.',
      de: 'Ich bestätige, dass dieses Gerät von geprüften Originalmedien des Herstellers neu aufgesetzt und der Patch vor jeder Verbindung mit dem Netzwerk eingespielt wurde, und dass die Spuren der vermuteten Kompromittierung gesichert sind.',
    },
  },
} as const satisfies Record<string, SignoffKindSpec>;

export type SignoffKind = keyof typeof signoffKinds;
export const signoffKindNames = Object.keys(signoffKinds) as [SignoffKind, ...SignoffKind[]];

/** The language a statement is shown and stored in: one of the UI's ("de-CH" reads German), else English. */
export function statementLanguage(language: string | null | undefined): StatementLanguage {
  const base = (language ?? '').toLowerCase().split('-')[0];
  return (statementLanguages as readonly string[]).includes(base ?? '')
    ? (base as StatementLanguage)
    : 'en';
}

/**
 * The statement of `kind` as the signer reads it in `language`: the one text shown in the sign
 * dialog and stored with the sign-off. A language without a statement reads English.
 */
export function signoffStatement(kind: SignoffKind, language?: string | null): string {
  return signoffKinds[kind].statements[statementLanguage(language)];
}
