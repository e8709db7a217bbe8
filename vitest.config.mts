import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Generous: CLI tests spawn real processes and a loaded 2-core machine is slow; tests never
    // assert on time.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
