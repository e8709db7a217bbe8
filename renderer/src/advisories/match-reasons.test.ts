import path from 'node:path';
import { describe, expect, it } from 'vitest';
import de from '../../../electron/api/i18n/match.de.json';
import en from '../../../electron/api/i18n/match.en.json';
import { englishReasons, type MatchWordKey } from '../../../electron/api/match-words';
import { loadAliasTables } from '../../../electron/services/matching/alias-tables';
import { createMatcher } from '../../../electron/services/matching/matcher';
import { matchableDevice as device } from '../../../electron/services/matching/test/matchable-device';
import { matchableProduct as product } from '../../../electron/services/matching/test/matchable-product';
import { repoRoot } from '../../../electron/services/test/temp-runtime';
import { tFor } from '../i18n/test/translator';
import { matchReasonTexts } from './match-reasons';

const tables = loadAliasTables(path.join(repoRoot, 'resources'));

const matcher = createMatcher(tables, [
  {
    advisoryId: 1,
    revisionId: 1,
    trackingId: 'TEST-1',
    version: '1',
    publisher: 'Test',
    products: [
      product({
        productId: 'P1',
        name: 'Siemens PET/CT Systems: All Windows 7-based versions',
        vendor: 'Siemens',
        productName: 'Siemens PET/CT Systems Windows 7-Based',
        versionRange: 'vers:all/*',
      }),
    ],
  },
  {
    advisoryId: 2,
    revisionId: 2,
    trackingId: 'TEST-2',
    version: '1',
    publisher: 'Test',
    products: [
      product({
        productId: 'P2',
        name: 'Alaris PC Unit',
        vendor: 'BD',
        productName: 'Alaris PC Unit',
        versionRange: 'vers:generic/<9.19',
      }),
    ],
  },
]);

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('match reasons in the reader’s language', () => {
  it('has every reason in German with the same values as the English', () => {
    const keys = Object.keys(en.matchReasons) as MatchWordKey[];
    expect(Object.keys(de.matchReasons).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(placeholders(de.matchReasons[key]), key).toEqual(placeholders(en.matchReasons[key]));
      if (key !== 'clausesAnd' && key !== 'clauses' && key !== 'quoted')
        expect(de.matchReasons[key], key).not.toBe(en.matchReasons[key]);
    }
  });

  it('words a match in German and in English, names and versions kept as the records write them', async () => {
    const found = matcher.matchDevice(
      device({
        vendor: 'Siemens Healthineers',
        model: 'Biograph mCT Flow',
        family: 'PET/CT',
        osName: 'Windows 7',
      }),
    );
    expect(found).toHaveLength(1);
    const words = found[0]?.reasonWords ?? [];
    const match = { reasons: englishReasons(words), reasonWords: words };
    const german = matchReasonTexts(await tFor('de'), match);
    const english = matchReasonTexts(await tFor('en'), match);
    expect(english).toEqual(match.reasons);
    expect(english.join(' ')).toContain(
      'Operating system: the device runs Windows 7 (“Windows 7”)',
    );
    expect(german.join(' ')).toContain(
      'Betriebssystem: Auf dem Gerät läuft Windows 7 („Windows 7“)',
    );
    expect(german[0]).toMatch(/^Hersteller: /);
    expect(german.join(' ')).toContain('„Biograph mCT Flow“');
    expect(german.join(' ')).not.toMatch(/Vendor|Model:|Operating system|the advisory/);
  });

  it('words why a device is not matched, with the version range in the reader’s words', async () => {
    const why = matcher.explainNonMatches(
      device({ vendor: 'BD', model: 'Alaris PC Unit', softwareVersion: '9.33' }),
    );
    const words = why.find((n) => n.advisoryId === 2)?.reasonWords ?? [];
    const match = { reasons: englishReasons(words), reasonWords: words };
    expect(match.reasons.join(' ')).toContain(
      "Version: 9.33 is not below 9.19; the advisory's “Alaris PC Unit” covers “below 9.19”",
    );
    const german = matchReasonTexts(await tFor('de'), match).join(' ');
    expect(german).toContain('Version: 9.33 liegt nicht unter 9.19;');
    expect(german).toContain('in den Versionen „vor 9.19“');
    expect(german).toContain('„Alaris PC Unit“');
  });

  it('shows a match stored before its words were kept in its stored English', async () => {
    const stored = { reasons: ['Vendor: Siemens Healthineers.'], reasonWords: null };
    expect(matchReasonTexts(await tFor('de'), stored)).toEqual(['Vendor: Siemens Healthineers.']);
  });
});
