import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run test:soak` (scripts/soak.mjs) runs the generated-input tests long; `npm test` runs
 * them short. STANDALONE_SOAK_SCALE shrinks or stretches the long counts (0.01: a quick try of
 * the soak itself).
 */
export const soaking =
  process.env.STANDALONE_SOAK === '1' || process.env.npm_lifecycle_event === 'test:soak';

/** How many generated inputs a property runs: `short` in `npm test`, `long` (scaled) in the soak. */
export function soakRuns(short: number, long: number): number {
  if (!soaking) return short;
  const scale = Number(process.env.STANDALONE_SOAK_SCALE ?? '1');
  return Math.max(1, Math.round(long * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * A generated-input test's time limit: `short` in `npm test`; in the soak, six hours. The soak's
 * length is its count of runs, and a loaded machine may take several times as long for them: the
 * limit there only stops a hang, it must not fail a soak that is merely slow (one took 872 s of its
 * 600 s on a machine at load 20, every run passing).
 */
export function soakTimeout(short: number): number {
  return soaking ? Math.max(short, 6 * 3_600_000) : short;
}

/**
 * Print how many generated inputs a test file tried, and leave the count where the soak runner
 * adds them up (each test file runs in its own worker).
 */
export function reportGenerated(what: string, count: number): void {
  process.stdout.write(`${what}: ${count} generated inputs\n`);
  const dir = process.env.STANDALONE_SOAK_COUNTS;
  if (!dir) return;
  fs.writeFileSync(
    path.join(dir, `${what.replace(/[^a-z0-9]+/gi, '-')}.json`),
    JSON.stringify({ what, count }),
  );
}
