import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { hostEntry } from './child-services';
import { repoRoot } from './temp-runtime';

export interface ServicesBundle {
  /** The services process in one ES module file, to start with `startChildServices({ entry })`. */
  entry: string;
  cleanup(): void;
}

/**
 * The services process (electron/services/host.ts) bundled by esbuild into one file, so that a
 * test which restarts it many times (the crash test) does not pay for tsx compiling every source
 * file, nor Node resolving and reading the hundreds of files of pdf-lib and the others, at each
 * start. Only better-sqlite3 stays outside (its native binding is found from node_modules).
 *
 * The file is written under out/ in the repository (not the system's temp folder): the services
 * find `resources/` and the app's package.json by looking upwards from their own file, as they do
 * from the app's build in out/main. Each call gets a folder of its own, removed by cleanup.
 */
export async function bundleServices(): Promise<ServicesBundle> {
  const parent = path.join(repoRoot, 'out');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'test-services-'));
  const entry = path.join(dir, 'host.mjs');
  try {
    await build({
      entryPoints: [hostEntry],
      outfile: entry,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3'],
      // The CommonJS packages bundled in call require() for Node's own modules.
      banner: {
        js: "import { createRequire as $createRequire } from 'node:module'; const require = $createRequire(import.meta.url);",
      },
      logLevel: 'silent',
    });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { entry, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
