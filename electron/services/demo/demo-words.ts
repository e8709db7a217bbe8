import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Language } from '../../api/languages';
import type { Device } from '../../api/domains/devices';

/**
 * The demo's free text in the language of the station that loaded it. The demo hospital is Swiss:
 * a German-speaking station gets its device types, departments, network segments, notes and the walkthrough's
 * reasons and answers in German (resources/demo/words.de.json, keyed by the English as written in
 * resources/demo and the walkthrough). English stays the default.
 */
export type DemoWords = (english: string, values?: Record<string, string>) => string;

const tableSchema = z.record(z.string(), z.string());

export function demoWordsFile(resourcesDir: string, language: Language): string {
  return path.join(resourcesDir, 'demo', `words.${language}.json`);
}

export function demoWords(resourcesDir: string, language: Language): DemoWords {
  const table =
    language === 'en'
      ? {}
      : tableSchema.parse(
          JSON.parse(fs.readFileSync(demoWordsFile(resourcesDir, language), 'utf8')),
        );
  // A text the table lacks stays English (a test checks that none does): the demo always loads.
  return (english, values = {}) =>
    (table[english] ?? english).replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * The device fields people wrote as sentences or names of things (not tags, models, addresses).
 * The device type (`family`) is among them: nothing reads its English value (the matcher's family
 * table knows only types that read alike in both languages, "PET/CT", "SPECT"; the model decides).
 */
export const demoTextFields = [
  'family',
  'networkSegment',
  'department',
  'serviceContact',
  'backupMethod',
  'notes',
] as const satisfies readonly (keyof Device)[];

type DemoText = (typeof demoTextFields)[number];

export function deviceInLanguage<D extends Record<DemoText, string | null>>(
  device: D,
  words: DemoWords,
): D {
  const worded: D = { ...device };
  for (const field of demoTextFields) {
    const text = device[field];
    if (typeof text === 'string') worded[field] = words(text);
  }
  return worded;
}
