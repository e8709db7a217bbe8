import fs from 'node:fs';
import { z } from 'zod';
import type { DecayFigures } from '../../api/domains/case-checklist';

/**
 * The site's radionuclide table (`resources/radionuclides.json`) and the decay arithmetic the
 * patient-safety gate uses to say which injected patient must be imaged or diverted first.
 */

export const radionuclideSchema = z
  .object({
    radionuclide: z.string().regex(/^[A-Z][a-z]?-\d{1,3}m?$/, 'write it like F-18 or Tc-99m'),
    name: z.string().trim().min(1).max(60),
    halfLifeMinutes: z.number().finite().positive().max(1e9),
    /** Minutes from injection until imaging must have started: a site protocol default. */
    imagingWindowMinutes: z
      .number()
      .finite()
      .positive()
      .max(60 * 24 * 60),
    note: z.string().trim().min(1).max(1000),
  })
  .strict();
export type Radionuclide = z.infer<typeof radionuclideSchema>;

export const radionuclideTableSchema = z
  .object({
    version: z.number().int().min(1),
    note: z.string().trim().min(1).max(2000),
    radionuclides: z.array(radionuclideSchema).min(1).max(100),
  })
  .strict()
  .superRefine((table, ctx) => {
    table.radionuclides.forEach((r, i) => {
      if (table.radionuclides.findIndex((o) => o.radionuclide === r.radionuclide) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['radionuclides', i, 'radionuclide'],
          message: `${r.radionuclide} appears twice`,
        });
      }
    });
  });
export type RadionuclideTable = z.infer<typeof radionuclideTableSchema>;

/** Reads and validates the table; the error names the file and the entry at fault. */
export function loadRadionuclideTable(file: string): RadionuclideTable {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot be read as JSON (${(error as Error).message})`);
  }
  const parsed = radionuclideTableSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`);
    throw new Error(`The radionuclide table is invalid:\n${where.join('\n')}`);
  }
  return parsed.data;
}

export function findRadionuclide(table: RadionuclideTable, id: string): Radionuclide | undefined {
  return table.radionuclides.find((r) => r.radionuclide === id);
}

export function elapsedMinutes(since: Date, now: Date): number {
  return (now.getTime() - since.getTime()) / 60_000;
}

export function halfLivesElapsed(minutes: number, halfLifeMinutes: number): number {
  return minutes / halfLifeMinutes;
}

/** A = A₀ · 2^(−t/T½): the share of the injected activity still there after `minutes`. */
export function remainingFraction(minutes: number, halfLifeMinutes: number): number {
  return 2 ** (-minutes / halfLifeMinutes);
}

/** Negative once the window has passed. */
export function minutesLeftInWindow(minutes: number, windowMinutes: number): number {
  return windowMinutes - minutes;
}

/**
 * Decay of one injection at `now`. An injection time a little in the future (clocks differ) counts
 * as just now; the caller decides what to do with one far in the future.
 */
export function decayAt(entry: Radionuclide, injectedAt: Date, now: Date): DecayFigures {
  const minutes = Math.max(0, elapsedMinutes(injectedAt, now));
  const left = minutesLeftInWindow(minutes, entry.imagingWindowMinutes);
  return {
    radionuclide: entry.radionuclide,
    halfLifeMinutes: entry.halfLifeMinutes,
    imagingWindowMinutes: entry.imagingWindowMinutes,
    elapsedMinutes: minutes,
    halfLivesElapsed: halfLivesElapsed(minutes, entry.halfLifeMinutes),
    remainingFraction: remainingFraction(minutes, entry.halfLifeMinutes),
    minutesLeftInWindow: left,
    windowPassed: left <= 0,
  };
}

/**
 * "Image or divert first" order: patients whose window is still open, least time left first (ties:
 * the faster-decaying radionuclide first); patients past their window last. Stable for equal keys.
 */
export function imageOrDivertOrder<T extends DecayFigures>(patients: readonly T[]): T[] {
  return [...patients].sort((a, b) => {
    if (a.windowPassed !== b.windowPassed) return a.windowPassed ? 1 : -1;
    if (a.minutesLeftInWindow !== b.minutesLeftInWindow) {
      return a.minutesLeftInWindow - b.minutesLeftInWindow;
    }
    return a.halfLifeMinutes - b.halfLifeMinutes;
  });
}
