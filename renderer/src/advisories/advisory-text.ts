import type { TFunction } from 'i18next';
import { formatDate } from '../cases/time-format';

/** A CSAF date-time as the facility's ISO date (the time of day adds nothing to a list). */
export function shortDate(iso: string): string {
  return formatDate(iso);
}

/** CVSS base score with one decimal, as advisories print it. */
export function cvssText(score: number | null): string | undefined {
  return score === null ? undefined : score.toFixed(1);
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

const comparators: [string, 'below' | 'atMost' | 'above' | 'atLeast' | 'not'][] = [
  ['<=', 'atMost'],
  ['>=', 'atLeast'],
  ['!=', 'not'],
  ['<', 'below'],
  ['>', 'above'],
];

/** One constraint of a `vers:` range in words: `*` → all versions, `<V3.5` → below V3.5. */
function constraintWords(t: TFunction, raw: string): string {
  let item = raw.trim();
  try {
    item = decodeURIComponent(item);
  } catch {
    // Not percent-encoded after all: shown as written.
  }
  if (item === '*') return t('inventory.detail.allVersions');
  for (const [op, key] of comparators) {
    if (item.startsWith(op)) {
      return t(`inventory.detail.range.${key}`, { version: item.slice(op.length).trim() });
    }
  }
  return item.replace(/^==?\s*/, '');
}

/**
 * An advisory's version range as people read it: a `vers:` range (`vers:all/*`,
 * `vers:generic/>=4.0|<4.6`) in words; the free text other advisories write, as written.
 */
export function versionRangeText(t: TFunction, range: string): string {
  const m = /^vers:[^/]*\/(.*)$/i.exec(range.trim());
  if (!m?.[1]) return range;
  const text = m[1]
    .split('|')
    .map((c) => constraintWords(t, c))
    .join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
