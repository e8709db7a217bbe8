/**
 * Version ordering for the versions that medical-device advisories and inventories really hold:
 * dotted numbers (12.1.3), letter suffixes and vendor codes (VG60A, BT06, N.00, v22D24),
 * service packs ("1.8.4 Service Pack 01"), wildcards (8.0.x, v6.x) and dates (8/30/2024).
 */

/** A run of digits (as a number) or a run of letters (lower case). */
export type VersionSegment = number | string;

export interface ParsedVersion {
  text: string;
  /** Dates compare only with dates: "8/30/2024" is not on the same scale as "12.1.3". */
  kind: 'version' | 'date';
  segments: VersionSegment[];
  /** "8.0.x": any version that starts with the segments. */
  wildcard: boolean;
}

const usDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const versionPrefix = /^(?:version|ver\.?|rev\.?|v)\s*(?=\d)/i;
const wildcardTail = /(?:^|[.\-_ ])[x*]$/i;

/** Parse one version; null when the text holds no digit or letter at all. */
export function parseVersion(raw: string): ParsedVersion | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  // A date compares as year, month, day, whichever order it was written in.
  const date = (year?: string, month?: string, day?: string): ParsedVersion => ({
    text,
    kind: 'date',
    segments: [Number(year), Number(month), Number(day)],
    wildcard: false,
  });
  const us = usDate.exec(text);
  if (us) return date(us[3], us[1], us[2]);
  const iso = isoDate.exec(text);
  if (iso) return date(iso[1], iso[2], iso[3]);
  let body = text.replace(versionPrefix, '').replace(/service\s*pack/gi, 'sp');
  let wildcard = false;
  if (body === '*' || /^x$/i.test(body))
    return { text, kind: 'version', segments: [], wildcard: true };
  if (wildcardTail.test(body)) {
    wildcard = true;
    body = body.replace(wildcardTail, '');
  }
  const segments: VersionSegment[] = [];
  for (const m of body.toLowerCase().matchAll(/\d+|[a-z]+/g)) {
    const run = m[0];
    segments.push(/\d/.test(run) ? Number(run) : run);
  }
  if (segments.length === 0) return null;
  return { text, kind: 'version', segments, wildcard };
}

function isZero(s: VersionSegment | undefined): boolean {
  return s === 0;
}

/**
 * Compare two versions: negative, 0 or positive, or null when they are on different scales (a
 * date against a version, a vendor code against a dotted number) and no order makes sense.
 * Missing trailing segments count as zero (N = N.00); a trailing letter suffix counts as later
 * (1.0a > 1.0).
 */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number | null {
  if (a.kind !== b.kind) return null;
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (x === undefined || y === undefined) {
      const rest = (x === undefined ? b : a).segments.slice(i);
      if (rest.every(isZero)) return 0;
      return x === undefined ? -1 : 1;
    }
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x < y ? -1 : 1;
    } else if (typeof x === 'string' && typeof y === 'string') {
      if (x !== y) return x < y ? -1 : 1;
    } else {
      return null;
    }
  }
  return 0;
}

/** Whether `version` starts with all of `prefix`'s segments (8.0.2 starts with 8.0). */
export function startsWithVersion(version: ParsedVersion, prefix: ParsedVersion): boolean {
  if (version.kind !== prefix.kind) return false;
  return prefix.segments.every((s, i) => version.segments[i] === s);
}

/** Equality as people mean it: 8.0.x matches 8.0.2, N matches N.00. */
export function versionEquals(pattern: ParsedVersion, version: ParsedVersion): boolean | null {
  if (pattern.wildcard) {
    // "D25" against "4.X": a vendor build code and a release number are not on one scale.
    const a = pattern.segments[0];
    const b = version.segments[0];
    if (pattern.kind !== version.kind || (a !== undefined && typeof a !== typeof b)) return null;
    return startsWithVersion(version, pattern);
  }
  const c = compareVersions(pattern, version);
  return c === null ? null : c === 0;
}
