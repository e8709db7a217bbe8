/**
 * A `vers:` range (`vers:all/*`, `vers:generic/>=4.0|<4.6`, percent-encoded versions) read into
 * constraints people can be told in words: the UI words them in the station's language, the
 * match reasons in English. Free text other advisories write is not a `vers:` range (null).
 */
export type VersionConstraintKind =
  'all' | 'below' | 'atMost' | 'above' | 'atLeast' | 'not' | 'exact';

export interface VersionConstraint {
  kind: VersionConstraintKind;
  /** Empty for `all`. */
  version: string;
}

const comparators: [string, VersionConstraintKind][] = [
  ['<=', 'atMost'],
  ['>=', 'atLeast'],
  ['!=', 'not'],
  ['==', 'exact'],
  ['<', 'below'],
  ['>', 'above'],
  ['=', 'exact'],
];

function constraintOf(raw: string): VersionConstraint {
  let item = raw.trim();
  try {
    item = decodeURIComponent(item);
  } catch {
    // Not percent-encoded after all: read as written.
  }
  if (item === '*') return { kind: 'all', version: '' };
  for (const [op, kind] of comparators) {
    if (item.startsWith(op)) return { kind, version: item.slice(op.length).trim() };
  }
  return { kind: 'exact', version: item };
}

export function versConstraints(text: string): VersionConstraint[] | null {
  const m = /^vers:[^/]*\/(.*)$/i.exec(text.trim());
  if (!m?.[1]?.trim()) return null;
  return m[1]
    .split('|')
    .filter((c) => c.trim())
    .map(constraintOf);
}

const english: Record<VersionConstraintKind, (version: string) => string> = {
  all: () => 'all versions',
  below: (v) => `below ${v}`,
  atMost: (v) => `${v} or earlier`,
  above: (v) => `later than ${v}`,
  atLeast: (v) => `${v} or later`,
  not: (v) => `except ${v}`,
  exact: (v) => v,
};

/** A version range in English words (a `vers:` range), else as the advisory wrote it. */
export function versionRangeEnglish(text: string): string {
  const constraints = versConstraints(text);
  return constraints ? constraints.map((c) => english[c.kind](c.version)).join(', ') : text;
}
