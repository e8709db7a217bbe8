import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signoffKinds } from '../../../electron/api/roles';

/**
 * The language is offered as "Deutsch", so its words follow standard German spelling, not Swiss:
 * ß after a long vowel or a diphthong (außerhalb, Maßnahme, schließen, groß, Straße, gemäß),
 * ss after a short one (muss, dass, Anschluss, Schlüssel). Each pattern below is a Swiss spelling
 * with the standard one beside it; words that rightly keep ss must not match any of them.
 */
const swissSpellings: [RegExp, string][] = [
  [/[aA]usser/, 'außer, außerhalb, außerdem'],
  [/[äÄ]usser/, 'äußern, Äußerung, äußerst'],
  [/[aA]ussen(?!den|dung|det)/, 'außen, Außendienst, Außenstandort'],
  [/[mM]assnahm/, 'Maßnahme'],
  [/[mM]ass(stab|geb)/, 'Maßstab, maßgeblich'],
  [/[mM]ässig/, 'regelmäßig, mäßig'],
  [/chliess/, 'schließen, abschließend, ausschließlich'],
  [/[gG]r[oö]ss/, 'groß, Größe, vergrößern'],
  [/[gG]r[uü]ss/, 'Gruß, Grüße'],
  [/[sS]trasse/, 'Straße'],
  [/[gG]emäss/, 'gemäß'],
  [/[hH]eiss/, 'heißen, heiß'],
  [/\b[wW]eiss/, 'weiß'],
  [/[fF]uss/, 'Fuß, Fußnote'],
  [/[bB]loss/, 'bloß'],
  [/[sS]toss/, 'Stoß, Verstoß'],
  [/[fF]liess/, 'fließen'],
  [/[gG]iess/, 'gießen'],
  [/[sS]chweiss/, 'Schweiß'],
  [/[dD]rauss/, 'draußen'],
  [/[fF]leiss/, 'Fleiß'],
];

/** "where: text (write: standard spelling)" for each Swiss spelling in the text. */
export function swissIn(where: string, text: string): string[] {
  return swissSpellings
    .filter(([pattern]) => pattern.test(text))
    .map(([, standard]) => `${where}: ${text} (write: ${standard})`);
}

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every German catalogue on disk, so that a new one is checked without being listed here. */
function germanCatalogues(): string[] {
  const inDir = (dir: string, keep: (name: string) => boolean) =>
    readdirSync(path.join(root, dir))
      .filter(keep)
      .map((name) => path.join(dir, name));
  return [
    'renderer/src/i18n/de.json',
    ...inDir('renderer/src/i18n/de', (name) => name.endsWith('.json')),
    ...inDir('electron/api/i18n', (name) => name.endsWith('.de.json')),
    ...inDir('resources/demo', (name) => name.endsWith('.de.json')),
  ];
}

/** Every string value of a catalogue with its dotted key (the demo's keys are English). */
function values(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    values(value, prefix ? `${prefix}.${key}` : key),
  );
}

describe('German in standard spelling', () => {
  it('finds the German catalogues', () => {
    const files = germanCatalogues();
    expect(files).toContain('electron/api/i18n/errors.de.json');
    expect(files).toContain('renderer/src/i18n/de/board.json');
    expect(files).toContain('resources/demo/words.de.json');
  });

  it('no German catalogue value uses a Swiss spelling', () => {
    const found = germanCatalogues().flatMap((file) => {
      const catalogue: unknown = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
      return values(catalogue).flatMap(([key, text]) => swissIn(`${file} ${key}`, text));
    });
    expect(found).toEqual([]);
  });

  it('no German sign-off statement uses a Swiss spelling', () => {
    const found = Object.entries(signoffKinds).flatMap(([kind, { statements }]) =>
      swissIn(kind, statements.de),
    );
    expect(found).toEqual([]);
  });

  it('finds each Swiss spelling and leaves words that rightly keep ss alone', () => {
    const swiss = [
      'Schliessen',
      'ausserhalb',
      'Massnahmen',
      'gross',
      'Grösse',
      'Strasse',
      'gemäss',
      'heisst',
      'Aussenstandort',
      'regelmässig',
    ];
    expect(swiss.filter((word) => swissIn('x', word).length === 0)).toEqual([]);
    const standard =
      'Schließen außerhalb Maßnahmen groß Größe Straße gemäß heißt Außenstandort muss dass ' +
      'Anschluss Schlüssel Passwort Prozess Geschoss abgeschlossen Beweissicherung Aussendung ' +
      'Ereignisse erfasst lässt zulässig Ressourcen Adresse Aussage Aussteller Zusammenfassung';
    expect(swissIn('x', standard)).toEqual([]);
  });
});
