import type { TFunction } from 'i18next';
import { cvssSeverity } from '../../../electron/api/cvss-severity';
import type { Language } from '../../../electron/api/languages';
import { formatCvss } from '../../../electron/api/number-format';
import { versConstraints } from '../../../electron/api/version-range-words';
import { formatDate } from '../cases/time-format';

/** A CSAF date-time as the facility's ISO date (the time of day adds nothing to a list). */
export function shortDate(iso: string): string {
  return formatDate(iso);
}

/** CVSS base score with one decimal, as advisories print it, in the station's number format. */
export function cvssText(score: number | null, language: Language): string | undefined {
  return score === null ? undefined : formatCvss(score, language);
}

/** A CVSS severity as the advisory records it ("CRITICAL") as a word: "Critical", "Kritisch". */
export function severityText(t: TFunction, recorded: string): string {
  const known = cvssSeverity(recorded);
  return known ? t(`inventory.detail.severity.${known}`) : recorded;
}

/** A score with its severity when the advisory records one: "CVSS 9.8 (Critical)". */
export function cvssWithSeverity(
  t: TFunction,
  language: Language,
  score: number,
  severity: string | null,
): string {
  const text = cvssText(score, language) ?? '';
  return severity
    ? t('cases.advisory.cvss', { score: text, severity: severityText(t, severity) })
    : t('cases.header.cvss', { score: text });
}

/** CSAF's remediation categories (2.0, and 2.1's `fix_planned` and `optional_patch`). */
const remediationCategories = [
  'mitigation',
  'workaround',
  'vendor_fix',
  'fix_planned',
  'optional_patch',
  'no_fix_planned',
  'none_available',
] as const;

/** Which kind of advice a CSAF remediation is ("vendor_fix"), as a word: "Vendor fix". */
export function remediationCategoryText(t: TFunction, category: string): string {
  const known = remediationCategories.find((c) => c === category);
  return known
    ? t(`inventory.detail.remediationCategories.${known}`)
    : category.replaceAll('_', ' ');
}

/** The CVSS v3 band of a score, for the badge colour (the number is always shown too). */
export function cvssBand(score: number | null): 'critical' | 'high' | 'medium' | 'low' | 'none' {
  if (score === null) return 'none';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

/** CISA titles often start with their own ID ("ICSMA-17-215-02: Siemens…"): show the ID once. */
export function titleWithoutId(title: string, trackingId: string): string {
  const prefix = new RegExp(`^${trackingId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:–-]\\s*`);
  return title.replace(prefix, '');
}

/**
 * An advisory's version range as people read it: a `vers:` range (`vers:all/*`,
 * `vers:generic/>=4.0|<4.6`) in words; the free text other advisories write, as written.
 */
export function versionRangeText(t: TFunction, range: string): string {
  const text = versionRangeWords(t, range);
  return versConstraints(range) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** The same inside a sentence (a match reason): "below 4.6", not capitalised. */
export function versionRangeWords(t: TFunction, range: string): string {
  const constraints = versConstraints(range);
  if (!constraints) return range;
  return constraints
    .map((c) =>
      c.kind === 'all'
        ? t('inventory.detail.allVersions')
        : c.kind === 'exact'
          ? c.version
          : t(`inventory.detail.range.${c.kind}`, { version: c.version }),
    )
    .join(', ');
}
