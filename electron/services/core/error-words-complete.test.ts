import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../api/result';
import deErrors from '../../api/i18n/errors.de.json' with { type: 'json' };
import enErrors from '../../api/i18n/errors.en.json' with { type: 'json' };

/**
 * Every refusal a person can read has German words: the services word their errors from the
 * errors catalogue (wordedError), never as an English sentence of their own, and every key they
 * name, every term, and every error code's title has a German text.
 */
const servicesDir = path.resolve(import.meta.dirname, '..');
const apiDir = path.resolve(servicesDir, '../api');

/**
 * The one place a refusal is built without a key of its own, and why. Nothing else may call
 * `new ServiceError(` with a sentence: give the sentence a key in errors.*.json instead.
 */
const unwordedAllowed: Record<string, string> = {
  'core/errors.ts': 'wordedError itself builds the error from the catalogue',
  'demo/walkthrough.ts': "passes on a call's refusal with that refusal's own words (details)",
  'inventory/upload-text.ts': "throws the upload's problem, worded in api/upload-text.ts (details)",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

const files = [...sourceFiles(servicesDir), ...sourceFiles(apiDir)];
const de: Record<string, string> = deErrors.serviceErrors;
const en: Record<string, string> = enErrors.serviceErrors;
const deTerms: Record<string, string> = deErrors.serviceTerms;

/** The German text of a key, in its plain or plural forms (i18next's `_one`/`_other`). */
function germanOf(key: string): string[] {
  return [de[key], de[`${key}_one`], de[`${key}_other`]].filter(
    (t): t is string => typeof t === 'string' && t.trim() !== '',
  );
}

describe('every error a person can read has German words', () => {
  it('finds the services and their refusals (the scan itself works)', () => {
    expect(files.length).toBeGreaterThan(100);
    const worded = files.filter((f) => fs.readFileSync(f, 'utf8').includes('wordedError('));
    expect(worded.length).toBeGreaterThan(30);
  });

  it('builds no refusal from an English sentence of its own (new ServiceError) outside the catalogue', () => {
    const offenders = files
      .filter((f) => /new ServiceError\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(servicesDir, f))
      .filter((f) => !(f in unwordedAllowed));
    expect(offenders).toEqual([]);
  });

  it('has German words for every key a service names, in every form', () => {
    const named = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      // wordedError('conflict', 'someKey', …) and the catalogue keys of words: { key: '…' }.
      for (const m of text.matchAll(/wordedError\(\s*'[a-z_]+',\s*'(\w+)'/g)) named.add(m[1] ?? '');
      for (const m of text.matchAll(/refused\('(\w+)'/g)) named.add(m[1] ?? '');
      for (const m of text.matchAll(/(?:problem|fail)\(\s*(?:\w+,\s*)?'(\w+)'/g)) {
        if (m[1] && (m[1] in en || `${m[1]}_one` in en)) named.add(m[1]);
      }
    }
    expect(named.size).toBeGreaterThan(100);
    expect([...named].filter((key) => germanOf(key).length === 0)).toEqual([]);
  });

  it('has a German text for every key of the catalogue, and a German one (not the English copied)', () => {
    const missing = Object.keys(en).filter((key) => !de[key]?.trim());
    expect(missing).toEqual([]);
    // A text of placeholders and signs only ("{{where}}: {{message}}") reads the same in both.
    const copied = Object.keys(en).filter(
      (key) => de[key] === en[key] && /[a-z]{3}/i.test(en[key]?.replace(/\{\{\w+\}\}/g, '') ?? ''),
    );
    expect(copied).toEqual([]);
  });

  it('has a German word for every term a refusal names', () => {
    const terms = Object.keys(enErrors.serviceTerms);
    expect(terms.filter((t) => !deTerms[t]?.trim())).toEqual([]);
  });

  it('gives every error code a German title (or the general one for a fault in the app)', () => {
    // The UI's catalogue, read as a file: the services do not import the renderer.
    const deShell = JSON.parse(
      fs.readFileSync(path.resolve(servicesDir, '../../renderer/src/i18n/de.json'), 'utf8'),
    ) as { errors: { title: string; titles: Record<string, string> } };
    const titles = deShell.errors.titles;
    const untitled = errorCodes.filter((c) => c !== 'internal' && c !== 'unknown_method');
    expect(untitled.filter((c) => !titles[c]?.trim())).toEqual([]);
    expect(deShell.errors.title.trim()).not.toBe('');
  });
});
