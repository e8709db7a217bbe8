/**
 * The English words a German screen must not show, built from the catalogues themselves: the UI's
 * (renderer/src/i18n), the services' (electron/api/i18n: errors, gate, missing, PDF, priority,
 * steps), the playbook's (resources/playbooks against electron/api/i18n/playbook.de.json) and the
 * demo's (resources/demo/words.de.json). A value the same in both languages ("Status", "Backup",
 * a product name) is left out; so is a single word that reads the same in German (`sharedWords`).
 * `englishIn(text)` names each English phrase found in a screen's text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));

/** Every string of a catalogue by its dotted key. */
function flatten(node: unknown, prefix = '', out = new Map<string, string>()) {
  if (typeof node === 'string') out.set(prefix, node);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}

function catalogue(language: 'en' | 'de'): Map<string, string> {
  const out = new Map<string, string>();
  const areas = path.join(repoRoot, 'renderer/src/i18n', language);
  const files = [
    `renderer/src/i18n/${language}.json`,
    ...fs.readdirSync(areas).map((f) => `renderer/src/i18n/${language}/${f}`),
    ...['errors', 'gate', 'missing', 'pdf', 'priority', 'steps'].map(
      (area) => `electron/api/i18n/${area}.${language}.json`,
    ),
  ];
  for (const file of files) flatten(readJson(file), '', out);
  return out;
}

/** The playbook's words people read (titles, questions, help, options), every language. */
function playbookWords(node: unknown, out: string[] = [], key = ''): string[] {
  if (typeof node === 'string') {
    if (['title', 'description', 'help', 'label', 'rowLabel'].includes(key)) out.push(node);
  } else if (Array.isArray(node)) node.forEach((n) => playbookWords(n, out, key));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) playbookWords(v, out, k);
  }
  return out;
}

/**
 * Single words that German uses as they are (loan words, international terms): on a German
 * screen they are German, not a leak.
 */
const sharedWords = new Set<string>([]);

export interface EnglishPhrase {
  /** Where it comes from: a catalogue key, `playbook` or `demo`. */
  source: string;
  /** The English value as the catalogue holds it. */
  value: string;
  /** The literal part of the value (between interpolations) looked for on screen. */
  phrase: string;
}

const letters = /\p{L}/u;
const words = (s: string) => s.split(/\s+/).filter((w) => letters.test(w));

/** The literal runs of a catalogue value: interpolations, nesting and markup split it. */
function literalRuns(value: string): string[] {
  return value
    .split(/\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>/)
    .map((run) => run.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, ''))
    .filter((run) => letters.test(run));
}

function phrasesOf(source: string, value: string, german: Set<string>): EnglishPhrase[] {
  if (german.has(value)) return [];
  return literalRuns(value)
    .filter((run) => {
      const count = words(run).length;
      if (count >= 2) return true;
      // A single word counts when it is the whole value (a label, a state), not a leftover
      // between two interpolations ("of", "at"), and German does not share it.
      return (
        run === value.trim() &&
        run.length >= 3 &&
        !/\d/.test(run) &&
        !sharedWords.has(run) &&
        !german.has(run)
      );
    })
    .map((phrase) => ({ source, value, phrase }));
}

function buildPhrases(): EnglishPhrase[] {
  const en = catalogue('en');
  const de = catalogue('de');
  const playbookEn = fs
    .readdirSync(path.join(repoRoot, 'resources/playbooks'))
    .flatMap((f) => playbookWords(readJson(`resources/playbooks/${f}`)));
  const playbookDe = playbookWords(readJson('electron/api/i18n/playbook.de.json'));
  const demo = Object.entries(readJson('resources/demo/words.de.json') as Record<string, string>);
  const german = new Set([...de.values(), ...playbookDe, ...demo.map(([, v]) => v)]);
  const all = [
    ...[...en].flatMap(([key, value]) => phrasesOf(key, value, german)),
    ...playbookEn.flatMap((value) => phrasesOf('playbook', value, german)),
    ...demo.flatMap(([value]) => phrasesOf('demo', value, german)),
  ];
  // One phrase once: the first source names it.
  const seen = new Set<string>();
  return all.filter((p) => !seen.has(p.phrase) && seen.add(p.phrase));
}

export const englishPhrases = buildPhrases();

const germanCatalogue = catalogue('de');

/** The German UI's words for `key`, filled in as i18next would: for finding what a user sees. */
export function german(key: string, params: Record<string, string> = {}): string {
  const value = germanCatalogue.get(key);
  if (value === undefined) throw new Error(`the German catalogue has no key ${key}`);
  return value.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, name: string) => params[name] ?? '');
}

const trimmed = (run: string) => run.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const matchers = englishPhrases.map((p) => ({
  ...p,
  single: !/\s/.test(p.phrase),
  // Whole words only, and the same case: "Status" inside "Gerätestatus" is no leak.
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(p.phrase)}(?![\\p{L}\\p{N}])`, 'u'),
}));

/**
 * The English phrases in a screen's runs of text (its text nodes and labels), each with a little
 * of the text around it. A phrase of several words counts anywhere in a run; a single word only
 * as a run of its own (a label, a badge, a button), so that a product family's "Patient monitor"
 * or a German "Beim Start" is no leak.
 */
export function englishIn(runs: string[]): { phrase: EnglishPhrase; context: string }[] {
  const flat = runs.map((run) => run.replace(/\s+/g, ' '));
  return matchers.flatMap((m) => {
    for (const run of flat) {
      const at = m.single ? (trimmed(run) === m.phrase ? 0 : -1) : run.search(m.pattern);
      if (at < 0) continue;
      const context = run.slice(Math.max(0, at - 40), at + m.phrase.length + 40);
      return [{ phrase: m, context }];
    }
    return [];
  });
}
