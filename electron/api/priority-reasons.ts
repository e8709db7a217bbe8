import type { Language } from './languages';
import { formatDecimal } from './number-format';

/**
 * Why a case's priority is what it is, as codes with their values rather than sentences: each
 * station words them in its own language (the UI through its translations, the command line and
 * the PDFs through `electron/api/i18n/priority.*.json`, which the UI's translations include).
 */
export const priorityReasonCodes = [
  'knownExploited',
  'ransomware',
  'internet',
  'internetUnknown',
  'business',
  'businessUnknown',
  'portsOpen',
  'portsFiltered',
  'epss',
  'cvss',
  'patientConnected',
  'criticalityCritical',
  'criticalityHigh',
  'criticalityMedium',
] as const;
export type PriorityReasonCode = (typeof priorityReasonCodes)[number];

export interface PriorityReason {
  code: PriorityReasonCode;
  /** knownExploited: the earliest date CISA added one of the CVEs (YYYY-MM-DD). */
  date?: string;
  /** knownExploited, ransomware: the CVEs concerned. */
  cves?: string[];
  /** epss: the CVE with the highest score. */
  cve?: string;
  /** epss: a probability 0–1; cvss: a base score 0–10. */
  score?: number;
}

/**
 * The values a reason's text interpolates, formatted for the language (a German station reads
 * "EPSS 0,94"). One rule for every place that words a reason.
 */
export function priorityReasonValues(
  reason: PriorityReason,
  language: Language,
): Record<string, string> {
  const digits = reason.code === 'epss' ? 2 : 1;
  return {
    date: reason.date ?? '',
    cves: (reason.cves ?? []).join(', '),
    cve: reason.cve ?? '',
    score: reason.score === undefined ? '' : formatDecimal(reason.score, language, digits),
  };
}
