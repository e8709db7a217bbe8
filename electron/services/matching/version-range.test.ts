import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersion } from './version-compare';
import {
  explainOutside,
  parseVersionSpec,
  versionInSpec,
  type RangeVerdict,
} from './version-range';

/** The value, or a failed test saying what was missing. */
function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`Expected a ${what}`);
  return value;
}

/** [version a, version b, expected order: -1, 0, 1, or null when they cannot be ordered] */
const orderings: [string, string, -1 | 0 | 1 | null][] = [
  // dotted numbers
  ['1.002', '1.003', -1],
  ['2.004', '2.003', 1],
  ['12.1.3', '12.1.3', 0],
  ['12.1.2', '12.1.10', -1],
  ['12.3.0', '12.3', 0],
  ['1.52', '1.52.00', 0],
  ['1.50', '1.52', -1],
  ['4.8.488.0', '4.8.488.1', -1],
  ['1.9-40', '1.9-41', -1],
  // a "v" prefix is not part of the version
  ['v1.52', '1.52', 0],
  ['V3.5.20', '3.5.19', 1],
  // letter suffixes and vendor codes
  ['VG60A', 'VG60B', -1],
  ['VB10B', 'VB20A', -1],
  ['1.0a', '1.0', 1],
  ['BT02', 'BT06', -1],
  ['HD 16', 'HD16', 0],
  ['SV20.1', 'SV23.0', -1],
  ['N.00', 'N', 0],
  ['M.00.03', 'N', -1],
  ['v20D29', 'v20D32', -1],
  ['v22D24', 'v20D32', 1],
  ['2490C', '2490C', 0],
  // service packs count after the release they patch
  ['1.8.4', '1.8.4 Service Pack 01', -1],
  ['1.8.4 SP01', '1.8.4 Service Pack 01', 0],
  // different scales cannot be ordered
  ['VG60A', '12.1', null],
  ['8/30/2024', '12.1.3', null],
  ['8/29/2024', '8/30/2024', -1],
  ['2024-08-31', '8/30/2024', 1],
];

describe('the version ordering', () => {
  it.each(orderings)('%s against %s → %s', (a, b, expected) => {
    const c = compareVersions(must(parseVersion(a)), must(parseVersion(b)));
    expect(c === null ? null : Math.sign(c)).toBe(expected);
  });

  it('is antisymmetric on every pair above', () => {
    for (const [a, b] of orderings) {
      const ab = compareVersions(must(parseVersion(a)), must(parseVersion(b)));
      const ba = compareVersions(must(parseVersion(b)), must(parseVersion(a)));
      expect(ab === null ? null : Math.sign(ab)).toBe(ba === null ? null : -Math.sign(ba) || 0);
    }
  });

  it('reads nothing from text without a digit or letter', () => {
    expect(parseVersion('')).toBeNull();
    expect(parseVersion(' - . ')).toBeNull();
  });
});

/** [the advisory's version text, a device's version, verdict] — forms as the real advisories write them. */
const ranges: [string, string | null, RangeVerdict][] = [
  // vers: ranges, including CISA's catch-all scheme with a constraint
  ['vers:all/*', '1.0', 'in'],
  ['vers:all/*', null, 'in'],
  ['vers:all/<V3.5.20', 'V3.5.19', 'in'],
  ['vers:all/<V3.5.20', 'V3.5.20', 'out'],
  ['vers:all/<V2.4.8', '2.4.10', 'out'],
  ['vers:generic/>=1.0|<2.0', '1.5', 'in'],
  ['vers:generic/>=1.0|<2.0', '2.0', 'out'],
  ['vers:generic/!=1.5|>=1.0', '1.5', 'out'],
  // ICSMA-18-037-02 (GE): "< 1.003"
  ['< 1.003', '1.002', 'in'],
  ['< 1.003', '1.003', 'out'],
  ['< 2.003', '2.004', 'out'],
  // ICSMA-23-194-01 (BD Alaris): "<= 12.1.3" and "<=12.1.3"
  ['<= 12.1.3', '12.1.3', 'in'],
  ['<=12.1.3', '12.3.0', 'out'],
  ['<=12.1.2', '12.1.3', 'out'],
  // ICSMA-20-343-01 (GE AW): ">= 4.0 | <= 4.6" is one interval
  ['>= 4.0 | <= 4.6', '4.3', 'in'],
  ['>= 4.0 | <= 4.6', '3.9', 'out'],
  ['>= 4.0 | <= 4.6', '4.7', 'out'],
  ['>=BT02 | <= BT06', 'BT04', 'in'],
  ['>=BT02 | <= BT06', 'BT08', 'out'],
  // ICSMA-23-117-01 (Illumina): double spaces
  ['>= 1.0.0  | <= 1.3.1', '1.3.1', 'in'],
  ['>= 1.3.3', '4.0', 'in'],
  // ICSMA-20-343-01: lists of exact versions
  ['SV20.1 | SV23.0', 'SV23.0', 'in'],
  ['SV20.1 | SV23.0', 'SV25', 'out'],
  ['HD 16 | HD23', 'HD23', 'in'],
  ['HD 16 | HD23', 'HD16', 'in'],
  ['BT03 | BT04 | BT06', 'R3', 'out'],
  ['24950 | 24952', '24952', 'in'],
  ['2490C', '2490C', 'in'],
  // ICSMA-18-058-02 (Philips): "8.0.x"
  ['8.0.x', '8.0.2', 'in'],
  ['8.0.x', '9.0.1', 'out'],
  ['3.x', '3.14', 'in'],
  // ICSMA-21-152-01 (Hillrom): "versions prior to v1.52", service packs
  ['versions prior to v1.52', '1.50', 'in'],
  ['versions prior to v1.52', '1.52', 'out'],
  ['< 1.52', '1.52.00', 'out'],
  ['< 1.8.4 Service Pack 01', '1.8.4', 'in'],
  ['< 1.8.4 Service Pack 01', '1.8.4 SP01', 'out'],
  // ICSA-24-289-02 (Schneider): "8.1.1.3 and prior"
  ['8.1.1.3 and prior', '8.1.1.2', 'in'],
  ['8.1.1.3 and prior', '8.2', 'out'],
  ['2.0 and later', '2.1', 'in'],
  // ICSMA-20-254-01 (Philips IntelliVue): "<=N" means revision N and earlier, N's patches too
  ['<=N', 'N.00', 'in'],
  ['<=N', 'M.00.03', 'in'],
  ['<=N', 'N.00.02', 'in'],
  ['<=N', 'P.01.00', 'out'],
  // ICSA-23-243-04 (Digi): "<= 1.9-40"
  ['<= 1.9-40', '1.9-39', 'in'],
  // ICSMA-24-249-01 (Baxter): a date is a version only against a date
  ['<8/30/2024', '8/1/2024', 'in'],
  ['<8/30/2024', '9/1/2024', 'out'],
  ['<8/30/2024', '12.1', 'unknown'],
  // ICSMA-20-170-04 (Baxter Spectrum): model numbers and battery-module conditions ride along
  ['v8.x model 35700BAX2', '8.02', 'in'],
  ['v8.x model 35700BAX2', 'v8.00.01', 'in'],
  ['v6.x model 35700BAX', '8.02', 'out'],
  [
    'v6.x (with Wireless Battery Modules v9 | v11 | v13 | v14 | v15 | v16 | v16D38 | v17 | v17D19 | >= v20D29 | <= v20D32 | >= v22D24 | <= v22D28)',
    '6.05',
    'in',
  ],
  ['v9.x (with Wireless Battery Module >= v22D19 | <= v22D28)', '8.02', 'out'],
  // vendor codes against dotted numbers: not comparable, so not decided
  ['< 1.003', 'VG60A', 'unknown'],
  // no device version: only "all versions" decides
  ['<= 12.1.3', null, 'unknown'],
];

describe('the version ranges real advisories write', () => {
  it.each(ranges)('%s with %s → %s', (text, version, verdict) => {
    const spec = parseVersionSpec(text);
    expect(versionInSpec(spec, version === null ? null : parseVersion(version))).toBe(verdict);
  });

  it('keeps what it cannot evaluate for the reasons: model numbers and conditions on other parts', () => {
    expect(parseVersionSpec('v8.x model 35700BAX2').modelNumbers).toEqual(['35700BAX2']);
    const spec = parseVersionSpec('v9.x (with Wireless Battery Module >= v22D19 | <= v22D28)');
    expect(spec.qualifiers).toEqual(['with Wireless Battery Module >= v22D19 | <= v22D28']);
    expect(spec.alternatives).toHaveLength(1);
  });

  it('reads ">= a | <= b" as one interval and a lone bound as half open', () => {
    expect(parseVersionSpec('>= 4.0 | <= 4.6').alternatives).toMatchObject([
      { kind: 'interval', lower: { inclusive: true }, upper: { inclusive: true } },
    ]);
    expect(parseVersionSpec('>= 2.0').alternatives).toMatchObject([
      { kind: 'interval', upper: null },
    ]);
  });

  it('never decides on text it cannot read', () => {
    const spec = parseVersionSpec('vers:generic/');
    expect(spec.unreadable).toEqual(['vers:generic/']);
    expect(versionInSpec(spec, parseVersion('1.0'))).toBe('unknown');
  });
});

describe('vendor version schemes: compared, or honestly not comparable, with the reason in words', () => {
  const verdict = (spec: string, v: string) =>
    versionInSpec(parseVersionSpec(spec), parseVersion(v));
  /** [spec, version, verdict, and when out, the words that say why] */
  it.each<[string, string, RangeVerdict, string?]>([
    ['D25 and prior', 'D19', 'in'],
    ['D25 and prior', 'D25', 'in'],
    ['D25 and prior', 'D26', 'out'],
    ['D25 and prior', '3.0 D15', 'unknown'],
    ['9.x', '9.0.1', 'in'],
    ['9.x', '8.2', 'out'],
    ['9.x', 'D25', 'unknown'],
    ['v22D19 to v22D28', 'v22D24', 'in'],
    ['v22D19 to v22D28', 'v22D30', 'out'],
    ['< 8.2.2', '8.2.2', 'out', '8.2.2 is not below 8.2.2'],
    ['<= 4.2', '4.3', 'out', '4.3 is above 4.2'],
    ['>= 2.0', '1.9', 'out', '1.9 is below 2.0'],
    ['BT03 | BT04 | BT06', 'BT05', 'out', 'BT05 is none of BT03, BT04, BT06'],
    ['2.X', '3.1', 'out', '3.1 is not a 2.X version'],
  ])('%s against %s: %s', (spec, v, expected, words) => {
    expect(verdict(spec, v)).toBe(expected);
    if (words === undefined) return;
    expect(explainOutside(parseVersionSpec(spec), must(parseVersion(v), 'version'))).toBe(words);
  });
});
