import { afterEach } from 'vitest';
import { tempDir } from './temp-runtime';

export interface TestCleanups {
  /** Runs `cleanup` after the current test; the last registered runs first. */
  later(cleanup: () => void): void;
  /** A fresh temp folder, removed after the current test. */
  folder(prefix?: string): string;
}

/** For a test file: what a test opens is registered with `later` and closed after it. */
export function cleanupAfterEach(): TestCleanups {
  const cleanups: (() => void)[] = [];
  afterEach(() =>
    cleanups
      .splice(0)
      .reverse()
      .forEach((c) => c()),
  );
  const later = (cleanup: () => void) => void cleanups.push(cleanup);
  return {
    later,
    folder(prefix) {
      const t = tempDir(prefix);
      later(t.cleanup);
      return t.dir;
    },
  };
}
