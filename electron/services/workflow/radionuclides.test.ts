import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decayAt,
  elapsedMinutes,
  findRadionuclide,
  halfLivesElapsed,
  imageOrDivertOrder,
  loadRadionuclideTable,
  minutesLeftInWindow,
  remainingFraction,
} from './radionuclides';
import { now, radionuclideTable, resourcesDir } from './test/workflow-fixtures';

const entry = (id: string) => {
  const found = findRadionuclide(radionuclideTable, id);
  if (!found) throw new Error(`${id} missing from the table`);
  return found;
};

describe('decay arithmetic', () => {
  it.each([
    ['no time at all', 0, 1],
    ['one half-life', 1, 0.5],
    ['two half-lives', 2, 0.25],
    ['three half-lives', 3, 0.125],
    ['ten half-lives', 10, 1 / 1024],
  ])('after %s the remaining activity is exactly 2^−n', (_what, halfLives, fraction) => {
    expect(remainingFraction(halfLives * 109.77, 109.77)).toBe(fraction);
  });

  it('after 30 minutes, F-18 keeps 2^(−30/109.77) ≈ 0.8275 of its activity', () => {
    expect(remainingFraction(30, entry('F-18').halfLifeMinutes)).toBe(2 ** (-30 / 109.77));
    expect(remainingFraction(30, entry('F-18').halfLifeMinutes)).toBeCloseTo(0.8275, 3);
  });

  it('counts elapsed minutes, half-lives and minutes left in the window', () => {
    const injected = new Date('2017-08-03T08:30:00Z');
    expect(elapsedMinutes(injected, now)).toBe(30);
    expect(halfLivesElapsed(67.71, 67.71)).toBe(1);
    expect(minutesLeftInWindow(30, 90)).toBe(60);
    expect(minutesLeftInWindow(240, 90)).toBe(-150);
  });

  it('gives every figure for one injection; an injection a moment in the future counts as now', () => {
    expect(decayAt(entry('Ga-68'), new Date('2017-08-03T07:52:17.4Z'), now)).toEqual({
      radionuclide: 'Ga-68',
      halfLifeMinutes: 67.71,
      imagingWindowMinutes: 90,
      elapsedMinutes: 67.71,
      halfLivesElapsed: 1,
      remainingFraction: 0.5,
      minutesLeftInWindow: 90 - 67.71,
      windowPassed: false,
    });
    expect(decayAt(entry('F-18'), new Date('2017-08-03T09:02:00Z'), now).elapsedMinutes).toBe(0);
  });

  it('has the shipped half-lives the product document names (F-18 ≈ 110 min, Ga-68 ≈ 68 min, Tc-99m ≈ 6 h)', () => {
    expect(entry('F-18').halfLifeMinutes).toBeCloseTo(109.8, 1);
    expect(entry('Ga-68').halfLifeMinutes).toBeCloseTo(67.7, 1);
    expect(entry('Tc-99m').halfLifeMinutes / 60).toBeCloseTo(6.01, 2);
    for (const id of ['I-123', 'Tl-201', 'In-111', 'Rb-82', 'N-13', 'C-11', 'Lu-177']) {
      expect(entry(id).note).toMatch(/NNDC/);
    }
  });

  it('decays multiplicatively and never leaves more than it started with', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 1, max: 20_000, noNaN: true }),
        (a, b, halfLife) => {
          const fa = remainingFraction(a, halfLife);
          expect(fa).toBeGreaterThanOrEqual(0);
          expect(fa).toBeLessThanOrEqual(1);
          expect(remainingFraction(a + b, halfLife)).toBeCloseTo(
            fa * remainingFraction(b, halfLife),
            12,
          );
          expect(remainingFraction(a + b, halfLife)).toBeLessThanOrEqual(fa);
        },
      ),
    );
  });
});

describe('image or divert first', () => {
  it('puts the least time left first, ties to the faster decay, passed windows last', () => {
    const at = (id: string, minutesAgo: number) =>
      decayAt(entry(id), new Date(now.getTime() - minutesAgo * 60_000), now);
    const order = imageOrDivertOrder([
      at('F-18', 500),
      at('Tc-99m', 200),
      at('Ga-68', 50),
      at('F-18', 50),
    ]);
    expect(order.map((p) => [p.radionuclide, p.minutesLeftInWindow])).toEqual([
      ['Ga-68', 40],
      ['F-18', 40],
      ['Tc-99m', 40],
      ['F-18', -410],
    ]);
  });
});

describe('the radionuclide table', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (content: string) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'radionuclides-'));
    const file = path.join(dir, 'radionuclides.json');
    fs.writeFileSync(file, content);
    return file;
  };

  it('ships valid, with unique radionuclides and a note on every one', () => {
    const table = loadRadionuclideTable(path.join(resourcesDir, 'radionuclides.json'));
    expect(table.radionuclides.length).toBeGreaterThanOrEqual(10);
    expect(new Set(table.radionuclides.map((r) => r.radionuclide)).size).toBe(
      table.radionuclides.length,
    );
  });

  it('names the file and the entry at fault', () => {
    const broken = structuredClone(radionuclideTable);
    broken.radionuclides.push({ ...entry('F-18'), halfLifeMinutes: -1 });
    const file = write(JSON.stringify(broken));
    expect(() => loadRadionuclideTable(file)).toThrow(
      `${file}: radionuclides.15.halfLifeMinutes: Too small: expected number to be >0`,
    );
    expect(() => loadRadionuclideTable(file)).toThrow(
      `${file}: radionuclides.15.radionuclide: F-18 appears twice`,
    );
  });

  it('says when the file is not JSON', () => {
    const file = write('{ "version": 1,');
    expect(() => loadRadionuclideTable(file)).toThrow(`${file}: cannot be read as JSON`);
  });
});
