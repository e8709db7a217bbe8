import { describe, expect, it } from 'vitest';

interface StartArgs {
  browser: boolean;
  open: boolean;
  build: boolean;
  electronArgs: string[];
}
type Outcome = { ok: true } | { ok: false; reason: string };
type StartStep =
  { step: 'electron' } | { step: 'fetch' } | { step: 'browser'; fallback: boolean; why: string };

/** start-plan.mjs, a JS module without type declarations. */
interface StartPlan {
  parseStartArgs(args: string[]): StartArgs;
  nextStartStep(state: {
    args: StartArgs;
    electron: { installed: true } | { installed: false; reason: string };
    fetched?: Outcome;
    nativeBuild?: Outcome;
  }): StartStep;
  browserModeNotice(step: { fallback: boolean; why: string }): string;
  findChromiumBrowser(where: {
    platform: NodeJS.Platform;
    env: NodeJS.ProcessEnv;
    exists: (file: string) => boolean;
  }): string | undefined;
  appWindowArgs(url: string, profileDir: string): string[];
}

const plan = (await import(new URL('./start-plan.mjs', import.meta.url).href)) as StartPlan;

const plain = plan.parseStartArgs([]);
const asked = plan.parseStartArgs(['--browser']);
const present = { installed: true } as const;
const missing = { installed: false, reason: 'dist/electron is missing' } as const;
const offline = { ok: false, reason: 'fetch failed: getaddrinfo ENOTFOUND github.com' } as const;

describe('nextStartStep: what npm start does next', () => {
  it.each([
    ['Electron present', { args: plain, electron: present }, { step: 'electron' }],
    ['Electron missing, not yet fetched', { args: plain, electron: missing }, { step: 'fetch' }],
    [
      'Electron fetched and now present',
      { args: plain, electron: present, fetched: { ok: true } },
      { step: 'electron' },
    ],
    [
      'the fetch failed',
      { args: plain, electron: missing, fetched: offline },
      {
        step: 'browser',
        fallback: true,
        why: 'the Electron runtime is missing and could not be downloaded (fetch failed: getaddrinfo ENOTFOUND github.com)',
      },
    ],
    [
      'the fetch stalled',
      { args: plain, electron: missing, fetched: { ok: false, reason: 'no progress for 30 s' } },
      {
        step: 'browser',
        fallback: true,
        why: 'the Electron runtime is missing and could not be downloaded (no progress for 30 s)',
      },
    ],
    [
      'fetched, yet the binary is still not there',
      { args: plain, electron: missing, fetched: { ok: true } },
      {
        step: 'browser',
        fallback: true,
        why: 'the Electron runtime was downloaded but cannot be used (dist/electron is missing)',
      },
    ],
    [
      'Electron present, but the native module cannot be built for it',
      { args: plain, electron: present, nativeBuild: { ok: false, reason: 'no C++ compiler' } },
      {
        step: 'browser',
        fallback: true,
        why: 'better-sqlite3 could not be built for Electron (no C++ compiler)',
      },
    ],
    [
      '--browser with Electron present',
      { args: asked, electron: present },
      { step: 'browser', fallback: false, why: 'browser mode was asked for (--browser)' },
    ],
    [
      '--browser with Electron missing: no download is tried',
      { args: asked, electron: missing },
      { step: 'browser', fallback: false, why: 'browser mode was asked for (--browser)' },
    ],
  ] as const)('%s', (_name, state, expected) => {
    expect(plan.nextStartStep(state)).toEqual(expected);
  });
});

describe('parseStartArgs and the notice', () => {
  it.each([
    [[], { browser: false, open: true, build: true, electronArgs: [] }],
    [['--browser'], { browser: true, open: true, build: true, electronArgs: [] }],
    [
      ['--browser', '--no-open', '--no-build'],
      { browser: true, open: false, build: false, electronArgs: [] },
    ],
    [
      ['--inspect=9229'],
      { browser: false, open: true, build: true, electronArgs: ['--inspect=9229'] },
    ],
  ])('%j', (args, expected) => {
    expect(plan.parseStartArgs(args)).toEqual(expected);
  });

  it('says in one line whether browser mode is the fallback, and why', () => {
    const fallback = plan.browserModeNotice({ fallback: true, why: 'the runtime is missing' });
    expect(fallback).toBe(
      'Fallback: starting Standalone in browser mode, because the runtime is missing.',
    );
    expect(plan.browserModeNotice({ fallback: false, why: 'asked' })).not.toMatch(/fallback/i);
    expect(fallback).not.toContain('\n');
  });
});

describe('findChromiumBrowser', () => {
  const only = (files: string[]) => (file: string) => files.includes(file);
  it.each([
    [
      'linux, chromium on PATH',
      'linux',
      { PATH: '/usr/local/bin:/usr/bin' },
      ['/usr/bin/chromium'],
      '/usr/bin/chromium',
    ],
    [
      'linux, Chromium preferred over Chrome',
      'linux',
      { PATH: '/usr/bin:/opt/bin' },
      ['/opt/bin/google-chrome', '/usr/bin/chromium-browser'],
      '/usr/bin/chromium-browser',
    ],
    [
      'linux, Edge only',
      'linux',
      { PATH: '/usr/bin' },
      ['/usr/bin/microsoft-edge'],
      '/usr/bin/microsoft-edge',
    ],
    ['linux, none', 'linux', { PATH: '/usr/bin' }, ['/usr/bin/firefox'], undefined],
    [
      'Windows, Edge where it is installed',
      'win32',
      { Path: 'C:\\Windows', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' },
      ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    ],
    [
      'Windows, Chrome in the user folder before Edge',
      'win32',
      { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local', ProgramFiles: 'C:\\Program Files' },
      [
        'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
        'C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      ],
      'C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ],
    [
      'macOS, Chrome in Applications',
      'darwin',
      { PATH: '/usr/bin' },
      ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
  ] as const)('%s', (_name, platform, env, files, expected) => {
    expect(plan.findChromiumBrowser({ platform, env, exists: only([...files]) })).toBe(expected);
  });

  it('opens the app in an app window on a profile of its own', () => {
    expect(plan.appWindowArgs('http://127.0.0.1:1/?token=t', '/d/browser-profile')).toEqual(
      expect.arrayContaining([
        '--app=http://127.0.0.1:1/?token=t',
        '--user-data-dir=/d/browser-profile',
      ]),
    );
  });
});
