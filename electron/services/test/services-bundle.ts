import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { hostEntry } from './child-services';
import { repoRoot } from './temp-runtime';

export interface ServicesBundle {
  /** What to start with `startChildServices({ entry })`: the loader of the bundled services. */
  entry: string;
  /** The `preloads` asked for, each bundled as an ES module for `node --import`, in order. */
  preloads: string[];
  /** The `modules` asked for, each bundled as CommonJS (import it for its exports), in order. */
  modules: string[];
  cleanup(): void;
}

export interface BundleOptions {
  /** Preloads for the child (e.g. the network guard), run without tsx. */
  preloads?: string[];
  /** Other entry points a child imports (e.g. browser mode's server). */
  modules?: string[];
}

/**
 * Runs the bundle as Node runs a CommonJS file, but compiled through V8's code cache: the first
 * start writes the cache (after the services are up, so the functions the start ran are in it),
 * the later ones read it instead of parsing and compiling seven megabytes again. A cache V8
 * refuses (another Node) is written anew. The cache is written whole or not at all (a kill may
 * land while it is written).
 */
const loader = `'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const file = path.join(__dirname, 'host.cjs');
const cacheFile = file + '.v8-cache';
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const host = new Module(file, module);
host.filename = file;
host.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(host.exports, host.exports, Module.createRequire(file), host, file, __dirname);
if (cachedData === undefined || script.cachedDataRejected) {
  const part = cacheFile + '.' + process.pid;
  fs.writeFileSync(part, script.createCachedData());
  fs.renameSync(part, cacheFile);
}
`;

/**
 * The services process (electron/services/host.ts) bundled by esbuild into one file, so that a
 * test which restarts it many times (the crash test) does not pay at each start for tsx compiling
 * every source file, nor for Node resolving and reading the hundreds of files of pdf-lib and the
 * others, nor (see `loader`) for V8 compiling it all again. Only better-sqlite3 stays outside
 * (its native binding is found in node_modules).
 *
 * Written under out/ in the repository, not in the system's temp folder: the services find
 * `resources/` and the app's package.json by looking upwards from their own file, as they do from
 * the app's build in out/main. Each call gets a folder of its own, removed by cleanup.
 */
export async function bundleServices(options: BundleOptions = {}): Promise<ServicesBundle> {
  const parent = path.join(repoRoot, 'out');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'test-services-'));
  const cjs = (entry: string, outfile: string) =>
    build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      // CommonJS, for V8's code cache (vm.Script); the sources' import.meta.url from the file.
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      minifyWhitespace: true,
      define: { 'import.meta.url': '__bundleUrl' },
      banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'silent',
    });
  const preloads = (options.preloads ?? []).map((_, i) => path.join(dir, `preload-${i}.mjs`));
  const modules = (options.modules ?? []).map((_, i) => path.join(dir, `module-${i}.cjs`));
  try {
    await cjs(hostEntry, path.join(dir, 'host.cjs'));
    fs.writeFileSync(path.join(dir, 'start.cjs'), loader);
    for (const [i, entry] of (options.preloads ?? []).entries()) {
      await build({
        entryPoints: [entry],
        outfile: preloads[i],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        logLevel: 'silent',
      });
    }
    for (const [i, entry] of (options.modules ?? []).entries()) {
      await cjs(entry, modules[i] ?? '');
    }
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    entry: path.join(dir, 'start.cjs'),
    preloads,
    modules,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
