import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../core/clock';
import { createMemoryLogger } from '../core/log';
import { startServices, type Runtime } from '../runtime';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const fixturesDir = path.resolve(repoRoot, '../shared/fixtures');

/** A fresh data folder in the system's temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'standalone-test-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface TestRuntime extends Runtime {
  dir: string;
  clock: ReturnType<typeof fixedClock>;
  log: ReturnType<typeof createMemoryLogger>;
  cleanup(): void;
}

/** Real services on a real SQLite file in a temp folder, with a fixed clock and an in-memory log. */
export function startTestRuntime(at = '2026-11-28T08:00:00.000Z'): TestRuntime {
  const { dir, cleanup } = tempDir();
  const clock = fixedClock(at);
  const log = createMemoryLogger();
  const runtime = startServices({ dataDir: dir, clock, log });
  return {
    ...runtime,
    dir,
    clock,
    log,
    cleanup: () => {
      runtime.close();
      cleanup();
    },
  };
}
