/**
 * Matching on real CISA ICSMA advisories, product names and versions copied as each CSAF file
 * writes them (cisagov/CSAF, csaf_files/OT/white/<year>/), against inventory rows written the way
 * hospitals write them (test/real-advisory-cases.json). One row per decision, the advisory cited
 * on every row.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishReasons } from '../../api/match-words';
import { matchConfidences, type MatchConfidence } from '../../api/domains/advisories';
import { repoRoot } from '../test/temp-runtime';
import { loadAliasTables } from './alias-tables';
import { createMatcher } from './matcher';
import { realAdvisories as advisories } from './test/real-advisories';
import { matchableDevice as device } from './test/matchable-device';
import type { MatchableDevice } from './types';
import listed from './test/real-advisory-cases.json';

const tables = loadAliasTables(path.join(repoRoot, 'resources'));

const matcher = createMatcher(tables, advisories);

type Expect = MatchConfidence | 'no';
const expectations: readonly Expect[] = [...matchConfidences, 'no'];

/** A case's expected outcome as real-advisory-cases.json writes it: a confidence, or "no". */
function expectation(written: string): Expect {
  const known = expectations.find((e) => e === written);
  if (!known) throw new Error(`real-advisory-cases.json: "${written}" is no confidence nor "no"`);
  return known;
}

/** [class, advisory, inventory row, expected confidence or 'no', a phrase the reasons contain] */
const table: [string, string, Partial<MatchableDevice>, Expect, string][] = listed.cases.map(
  (c) => [c.class, c.advisory, c.device, expectation(c.expect), c.reason],
);

describe('matching real ICSMA advisories against inventory rows written as hospitals write them', () => {
  it.each(table)('%s, %s: %j → %s', (_class, trackingId, row, expected, phrase) => {
    const d = device(row);
    const a = advisories.find((x) => x.trackingId === trackingId);
    if (!a) throw new Error(`no advisory ${trackingId} in the table`);
    const found = matcher.matchDevice(d).find((f) => f.advisoryId === a.advisoryId);
    if (expected === 'no') {
      expect(found).toBeUndefined();
      const why = matcher.explainNonMatches(d).find((n) => n.advisoryId === a.advisoryId);
      expect(englishReasons(why?.reasonWords ?? []).join(' ')).toContain(phrase);
    } else {
      expect(found?.confidence).toBe(expected);
      expect(englishReasons(found?.reasonWords ?? []).join(' ')).toContain(phrase);
    }
  });

  // Exclusions are written this way in one ICSMA advisory only, found so far in two revisions
  // (ICSMA-20-049-02 and its Update A); every other class has three advisories or more.
  it('covers every class with at least three real advisories', () => {
    const perClass = new Map<string, Set<string>>();
    for (const [c, id] of table) {
      const set = perClass.get(c) ?? new Set<string>();
      set.add(id.replace(/ Update A$/, '-A'));
      perClass.set(c, set);
    }
    for (const [c, ids] of perClass)
      expect(ids.size, c).toBeGreaterThanOrEqual(c === 'exclusion' ? 2 : 3);
  });

  it('explains a device that no product of its vendor names', () => {
    const d = device({ vendor: 'St. Jude Medical', model: 'Merlin PCS Programmer 3650' });
    const why = matcher.explainNonMatches(d);
    expect(why.map((n) => n.trackingId)).toEqual(['ICSMA-17-009-01A']);
    expect(englishReasons(why[0]?.reasonWords ?? [])[0]).toContain('none of them is the device');
  });
});
