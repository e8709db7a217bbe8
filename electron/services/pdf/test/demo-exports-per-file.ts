import { afterAll, beforeAll } from 'vitest';
import { startTestRuntime, tempDir, type TestRuntime } from '../../test/temp-runtime';
import { demoTimeNow, setUpDemoForExports, type DemoExports } from './demo-exports';

export interface DemoExportsUnderTest {
  rt: TestRuntime;
  demo: DemoExports;
  /** A temp folder for the files the tests write. */
  out: ReturnType<typeof tempDir>;
}

/**
 * For a test file: before its tests, a runtime at `demoTimeNow` with the demo facility set up for
 * exports (then `setUp`, if given) and a temp folder; both removed after its tests. Read them
 * as `t.rt`, `t.demo`, `t.out` once the tests run.
 */
export function demoExportsPerFile(
  outPrefix: string,
  setUp?: (t: DemoExportsUnderTest) => Promise<void>,
): DemoExportsUnderTest {
  // Filled in before the tests, as vitest runs them.
  const t = {} as DemoExportsUnderTest;
  beforeAll(async () => {
    t.rt = startTestRuntime(demoTimeNow);
    t.out = tempDir(outPrefix);
    t.demo = await setUpDemoForExports(t.rt);
    await setUp?.(t);
  }, 300_000);
  afterAll(() => {
    t.rt.cleanup();
    t.out.cleanup();
  });
  return t;
}
