// @ts-check
/**
 * `npm start`: build the app and run it in Electron. When the Electron binary is missing it is
 * downloaded the way the electron package's install script does; when that cannot be done (an
 * offline machine), or with `--browser`, the same UI starts in browser mode instead: the services
 * on 127.0.0.1 with a per-start token, opened in a Chromium-family browser's app window, or the
 * address printed. Which step comes next is decided by start-plan.mjs.
 *
 *   npm start [-- --browser] [-- --no-open] [-- --no-build]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fetchElectron } from './electron-fetch.mjs';
import {
  electronBinaryStatus,
  ensureElectronNativeBuild,
  projectRoot,
  runPackageBin,
  runScript,
} from './electron-native.mjs';
import {
  appWindowArgs,
  browserModeNotice,
  findChromiumBrowser,
  nextStartStep,
  parseStartArgs,
} from './start-plan.mjs';

/** @param {string} executable @param {string[]} args */
async function runElectron(executable, args) {
  const env = { ...process.env };
  // Would make Electron start as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [projectRoot, ...args], {
    cwd: projectRoot,
    env,
    stdio: 'inherit',
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => child.kill(signal));
  }
  await new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.exitCode = code ?? (signal ? 1 : 0);
      resolve(undefined);
    });
  });
}

/** @param {{ fallback: boolean, why: string }} step @param {boolean} open */
async function runBrowser(step, open) {
  // The browser-mode server is TypeScript run from source, as the tests run it.
  const { register } = await import('tsx/esm/api');
  register();
  const entry = pathToFileURL(path.join(projectRoot, 'electron', 'browser', 'run.ts')).href;
  const { runBrowserMode } = await import(entry);
  const executable = open
    ? findChromiumBrowser({ platform: process.platform, env: process.env, exists: fs.existsSync })
    : undefined;
  await runBrowserMode({
    notice: browserModeNotice(step),
    ...(executable ? { browser: { executable, args: appWindowArgs } } : {}),
  });
}

runScript(async () => {
  const args = parseStartArgs(process.argv.slice(2));
  let electron = electronBinaryStatus();
  /** @type {import('./start-plan.mjs').Outcome | undefined} */
  let fetched;
  /** @type {import('./start-plan.mjs').Outcome | undefined} */
  let nativeBuild;
  let built = false;
  for (;;) {
    const step = nextStartStep({
      args,
      electron,
      ...(fetched ? { fetched } : {}),
      ...(nativeBuild ? { nativeBuild } : {}),
    });
    if (step.step === 'fetch') {
      fetched = await fetchElectron({ root: projectRoot });
      electron = electronBinaryStatus();
      continue;
    }
    if (args.build && !built) {
      runPackageBin('electron-vite', ['build']);
      built = true;
    }
    if (step.step === 'browser') return runBrowser(step, args.open);
    if (!electron.installed) throw new Error('unreachable: Electron chosen while missing');
    try {
      await ensureElectronNativeBuild();
    } catch (error) {
      nativeBuild = { ok: false, reason: error instanceof Error ? error.message : String(error) };
      continue;
    }
    return runElectron(electron.executable, args.electronArgs);
  }
});
