/**
 * CVSS's qualitative severities (CVSS v3 `baseSeverity`). Advisories record them in capitals
 * ("CRITICAL"); people read them as words of their language, from the catalogues: the case page
 * (`cases.severity.*`) and the PDFs (`pdf.severity.*`) both find the word through here.
 */
export const cvssSeverities = ['critical', 'high', 'medium', 'low', 'none'] as const;
export type CvssSeverity = (typeof cvssSeverities)[number];

/** The severity an advisory records, whatever its case; null for a word CVSS does not define. */
export function cvssSeverity(recorded: string): CvssSeverity | null {
  const lower = recorded.trim().toLowerCase();
  return cvssSeverities.find((s) => s === lower) ?? null;
}
