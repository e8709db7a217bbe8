import { describe, expect, it } from 'vitest';
import { de, en } from './resources';

/** Every key as a dotted path, with the interpolations its text uses. */
function flatten(node: unknown, prefix = '', out = new Map<string, string[]>()) {
  if (typeof node === 'string') {
    out.set(prefix, [...node.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort());
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}

const english = flatten(en);
const german = flatten(de);

describe('translations', () => {
  it('has every English key in German (add a plain, correct German text for a new key)', () => {
    expect([...english.keys()].filter((k) => !german.has(k))).toEqual([]);
  });

  it('has no German key that English lacks (a renamed or removed key)', () => {
    expect([...german.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differ = [...english].filter(([key, vars]) => {
      const other = german.get(key);
      return other !== undefined && other.join() !== vars.join();
    });
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  it('leaves no German text empty', () => {
    expect([...flatten(de)].filter(([, v]) => v === undefined)).toEqual([]);
    const empty: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === '') empty.push(path);
      else if (node && typeof node === 'object')
        for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
    };
    walk(de, 'de');
    expect(empty).toEqual([]);
  });
});
