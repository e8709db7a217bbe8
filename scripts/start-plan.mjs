// @ts-check
/**
 * What `npm start` does next, as pure functions of what it knows so far: the command line, whether
 * the Electron binary is there, how fetching it and building the native module went. The script
 * (start.mjs) does the I/O; these decide, and are table-tested.
 */
import path from 'node:path';

/**
 * @typedef {{ browser: boolean, open: boolean, build: boolean, electronArgs: string[] }} StartArgs
 * @typedef {{ installed: true } | { installed: false, reason: string }} ElectronState
 * @typedef {{ ok: true } | { ok: false, reason: string }} Outcome
 * @typedef {{ step: 'electron' } | { step: 'fetch' } | { step: 'browser', fallback: boolean, why: string }} StartStep
 */

/**
 * `--browser` chooses browser mode; `--no-open` serves it without opening a browser window;
 * `--no-build` uses the app as last built. Anything else is passed on to Electron.
 * @param {string[]} args
 * @returns {StartArgs}
 */
export function parseStartArgs(args) {
  const own = new Set(['--browser', '--no-open', '--no-build']);
  return {
    browser: args.includes('--browser'),
    open: !args.includes('--no-open'),
    build: !args.includes('--no-build'),
    electronArgs: args.filter((arg) => !own.has(arg)),
  };
}

/**
 * @param {{ args: StartArgs, electron: ElectronState, fetched?: Outcome, nativeBuild?: Outcome }} state
 * @returns {StartStep}
 */
export function nextStartStep({ args, electron, fetched, nativeBuild }) {
  if (args.browser) {
    return { step: 'browser', fallback: false, why: 'browser mode was asked for (--browser)' };
  }
  if (nativeBuild && !nativeBuild.ok) {
    return {
      step: 'browser',
      fallback: true,
      why: `better-sqlite3 could not be built for Electron (${nativeBuild.reason})`,
    };
  }
  if (electron.installed) return { step: 'electron' };
  if (!fetched) return { step: 'fetch' };
  if (!fetched.ok) {
    return {
      step: 'browser',
      fallback: true,
      why: `the Electron runtime is missing and could not be downloaded (${fetched.reason})`,
    };
  }
  return {
    step: 'browser',
    fallback: true,
    why: `the Electron runtime was downloaded but cannot be used (${electron.reason})`,
  };
}

/**
 * The one line that says which mode this is and why.
 * @param {{ fallback: boolean, why: string }} step
 */
export function browserModeNotice({ fallback, why }) {
  return fallback
    ? `Fallback: starting Standalone in browser mode, because ${why}.`
    : `Starting Standalone in browser mode, because ${why}.`;
}

/**
 * A Chromium-family browser (Chromium, Chrome, Edge) to open the app in, or undefined.
 * @param {{ platform: NodeJS.Platform, env: NodeJS.ProcessEnv, exists: (file: string) => boolean }} where
 * @returns {string | undefined}
 */
export function findChromiumBrowser({ platform, env, exists }) {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const pathDirs = (env.PATH ?? env.Path ?? '').split(p.delimiter).filter(Boolean);
  /** @type {string[]} */
  const candidates = [];
  if (platform === 'win32') {
    for (const name of ['chromium.exe', 'chrome.exe', 'msedge.exe']) {
      for (const dir of pathDirs) candidates.push(p.join(dir, name));
    }
    const roots = [env.LOCALAPPDATA, env.ProgramFiles, env['ProgramFiles(x86)']].filter(
      (root) => typeof root === 'string' && root !== '',
    );
    for (const relative of [
      'Chromium\\Application\\chrome.exe',
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ]) {
      for (const root of roots) candidates.push(p.join(/** @type {string} */ (root), relative));
    }
  } else {
    if (platform === 'darwin') {
      for (const app of ['Chromium', 'Google Chrome', 'Microsoft Edge']) {
        candidates.push(`/Applications/${app}.app/Contents/MacOS/${app}`);
      }
    }
    const names = [
      'chromium',
      'chromium-browser',
      'google-chrome',
      'google-chrome-stable',
      'microsoft-edge',
      'microsoft-edge-stable',
    ];
    for (const name of names) for (const dir of pathDirs) candidates.push(p.join(dir, name));
  }
  return candidates.find((file) => exists(file));
}

/**
 * The browser's arguments: the app in its own window, on a profile of its own.
 * @param {string} url
 * @param {string} profileDir
 */
export function appWindowArgs(url, profileDir) {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
  ];
}
