/**
 * The version constraints advisories write: `vers:` ranges (including CISA's `vers:all/<V3.5.20`)
 * and the free text of real CSAF files (`< 1.003`, `<= 12.1.3`, `>= 4.0 | <= 4.6`,
 * `SV20.1 | SV23.0`, `8.0.x`, `versions prior to v1.52`, `8.1.1.3 and prior`,
 * `v8.x model 35700BAX2`, `v6.x (with Wireless Battery Modules v9 | …)`).
 */
import { englishMatch, matchSentence, type MatchWords } from '../../api/match-words';
import {
  compareVersions,
  parseVersion,
  startsWithVersion,
  versionEquals,
  type ParsedVersion,
} from './version-compare';

export interface Bound {
  version: ParsedVersion;
  inclusive: boolean;
}

export type VersionAlternative =
  | { kind: 'any' }
  | { kind: 'exact'; version: ParsedVersion }
  | { kind: 'interval'; lower: Bound | null; upper: Bound | null };

export interface VersionSpec {
  text: string;
  alternatives: VersionAlternative[];
  /** `!=` constraints of a vers range. */
  excluded: ParsedVersion[];
  /** Conditions on something the inventory does not record, e.g. "with Wireless Battery Modules …". */
  qualifiers: string[];
  /** Model numbers written into the version ("v8.x model 35700BAX2"). */
  modelNumbers: string[];
  /** Parts that could not be read as versions; a spec with any is only ever "unknown". */
  unreadable: string[];
}

export type RangeVerdict = 'in' | 'out' | 'unknown';

const comparator = /^(<=|>=|==|!=|<|>|=)\s*(.*)$/;

function emptySpec(text: string): VersionSpec {
  return { text, alternatives: [], excluded: [], qualifiers: [], modelNumbers: [], unreadable: [] };
}

/** Turn a list of single constraints into alternatives: a lower bound then an upper bound is one interval. */
function foldConstraints(items: string[], spec: VersionSpec): void {
  let pendingLower: Bound | null = null;
  const flushLower = () => {
    if (pendingLower)
      spec.alternatives.push({ kind: 'interval', lower: pendingLower, upper: null });
    pendingLower = null;
  };
  for (const raw of items) {
    const item = raw.trim();
    if (!item) continue;
    if (item === '*' || /^all( versions)?$/i.test(item)) {
      flushLower();
      spec.alternatives.push({ kind: 'any' });
      continue;
    }
    const m = comparator.exec(item);
    const op = m?.[1] ?? '=';
    const version = parseVersion(m?.[2] ?? item);
    if (!version) {
      spec.unreadable.push(item);
      continue;
    }
    if (op === '>' || op === '>=') {
      flushLower();
      pendingLower = { version, inclusive: op === '>=' };
    } else if (op === '<' || op === '<=') {
      spec.alternatives.push({
        kind: 'interval',
        lower: pendingLower,
        upper: { version, inclusive: op === '<=' },
      });
      pendingLower = null;
    } else if (op === '!=') {
      spec.excluded.push(version);
    } else {
      flushLower();
      spec.alternatives.push({ kind: 'exact', version });
    }
  }
  flushLower();
}

/** `vers:<scheme>/<constraint>|<constraint>…` (percent-encoded versions are decoded). */
function parseVers(text: string, spec: VersionSpec): void {
  const slash = text.indexOf('/');
  const constraints = slash < 0 ? '' : text.slice(slash + 1).trim();
  if (!constraints) {
    spec.unreadable.push(text);
    return;
  }
  const items = constraints.split('|').map((c) => {
    try {
      return decodeURIComponent(c);
    } catch {
      return c;
    }
  });
  foldConstraints(items, spec);
}

/** Parse a product_version or product_version_range text. */
export function parseVersionSpec(input: string): VersionSpec {
  const text = input.trim().replace(/\s+/g, ' ');
  const spec = emptySpec(text);
  if (!text) return spec;
  if (/^vers:/i.test(text)) {
    parseVers(text, spec);
    return spec;
  }
  let main = text;
  // "(with Wireless Battery Modules v9 | v11 …)": a condition on another component.
  main = main.replace(/\(([^()]*)\)/g, (_all, inner: string) => {
    spec.qualifiers.push(inner.trim());
    return ' ';
  });
  main = main.replace(/\bmodels?\s+([A-Z0-9][A-Z0-9-]*)/gi, (_all, model: string) => {
    spec.modelNumbers.push(model);
    return ' ';
  });
  main = main.trim();
  const prior =
    /^(?:all\s+)?versions?\s+(?:prior\s+to|before|older\s+than|below)\s+(.+)$/i.exec(main) ??
    /^(?:prior\s+to|before)\s+(.+)$/i.exec(main);
  if (prior?.[1]) main = `< ${prior[1]}`;
  const andPrior = /^(.+?)\s+(?:and|or)\s+(?:prior|earlier|before|below|lower|older)$/i.exec(main);
  if (andPrior?.[1]) main = `<= ${andPrior[1]}`;
  const andLater = /^(.+?)\s+(?:and|or)\s+(?:later|newer|above|higher|after)$/i.exec(main);
  if (andLater?.[1]) main = `>= ${andLater[1]}`;
  const span = /^(\S+)\s+(?:to|through|-|–)\s+(\S+)$/i.exec(main);
  if (span?.[1] && span[2]) main = `>= ${span[1]} | <= ${span[2]}`;
  if (/^(?:all|all versions|\*|any)$/i.test(main)) {
    spec.alternatives.push({ kind: 'any' });
    return spec;
  }
  foldConstraints(main.split('|'), spec);
  return spec;
}

export function coversAllVersions(spec: VersionSpec): boolean {
  return spec.unreadable.length === 0 && spec.alternatives.some((a) => a.kind === 'any');
}

function belowUpper(version: ParsedVersion, upper: Bound): boolean | null {
  const c = compareVersions(version, upper.version);
  if (c === null) return null;
  if (c < 0) return true;
  if (!upper.inclusive) return false;
  // "<= N" reads as "N and earlier": N.00.02, a patch of N, is included.
  return c === 0 || startsWithVersion(version, upper.version);
}

function aboveLower(version: ParsedVersion, lower: Bound): boolean | null {
  const c = compareVersions(version, lower.version);
  if (c === null) return null;
  return c > 0 || (lower.inclusive && c === 0);
}

function inAlternative(version: ParsedVersion, alt: VersionAlternative): boolean | null {
  switch (alt.kind) {
    case 'any':
      return true;
    case 'exact':
      return versionEquals(alt.version, version);
    case 'interval': {
      const lo = alt.lower ? aboveLower(version, alt.lower) : true;
      const hi = alt.upper ? belowUpper(version, alt.upper) : true;
      if (lo === false || hi === false) return false;
      return lo === null || hi === null ? null : true;
    }
  }
}

/** Whether a device's version lies in the spec: in, out, or unknown (not comparable). */
export function versionInSpec(spec: VersionSpec, version: ParsedVersion | null): RangeVerdict {
  if (coversAllVersions(spec)) return 'in';
  if (!version || spec.unreadable.length > 0 || spec.alternatives.length === 0) return 'unknown';
  for (const excluded of spec.excluded) {
    if (versionEquals(excluded, version) === true) return 'out';
  }
  let unknown = false;
  for (const alt of spec.alternatives) {
    const r = inAlternative(version, alt);
    if (r === true) return 'in';
    if (r === null) unknown = true;
  }
  return unknown ? 'unknown' : 'out';
}

/** Why a version lies outside one alternative, in words ("8.2.2 is not below 8.2.2"). */
function outsideAlternative(version: ParsedVersion, alt: VersionAlternative): MatchWords | null {
  const v = version.text;
  switch (alt.kind) {
    case 'any':
      return null;
    case 'exact':
      return {
        key: alt.version.wildcard ? 'outsideNotWildcard' : 'outsideNotExact',
        params: { version: v, other: alt.version.text },
      };
    case 'interval': {
      if (alt.lower && aboveLower(version, alt.lower) === false) {
        return {
          key: alt.lower.inclusive ? 'outsideBelow' : 'outsideNotAbove',
          params: { version: v, bound: alt.lower.version.text },
        };
      }
      if (alt.upper && belowUpper(version, alt.upper) === false) {
        return {
          key: alt.upper.inclusive ? 'outsideAbove' : 'outsideNotBelow',
          params: { version: v, bound: alt.upper.version.text },
        };
      }
      return null;
    }
  }
}

/** For a version `versionInSpec` found 'out': the reason as words, one clause per alternative. */
export function outsideWords(spec: VersionSpec, version: ParsedVersion): MatchWords {
  for (const excluded of spec.excluded) {
    if (versionEquals(excluded, version) === true)
      return { key: 'outsideExcluded', params: { version: version.text, excluded: excluded.text } };
  }
  if (spec.alternatives.length > 1 && spec.alternatives.every((a) => a.kind === 'exact')) {
    const list = spec.alternatives.map((a) => (a.kind === 'exact' ? a.version.text : ''));
    return { key: 'outsideNoneOf', params: { version: version.text, list: list.join(', ') } };
  }
  const clauses = spec.alternatives
    .map((a) => outsideAlternative(version, a))
    .filter((c): c is MatchWords => c !== null);
  const [first, ...more] = clauses;
  if (!first) return { key: 'outsideOf', params: { version: version.text, range: spec.text } };
  if (more.length === 0) return first;
  return { key: 'clauses', params: {}, lists: { clauses: { items: clauses, join: 'and' } } };
}

/** The same in English words ("8.2.2 is not below 8.2.2"). */
export function explainOutside(spec: VersionSpec, version: ParsedVersion): string {
  return matchSentence(outsideWords(spec, version), englishMatch);
}
