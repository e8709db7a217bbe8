/**
 * The Electron shell itself (window, preload, IPC relay, session lockdown): the one part the
 * browser-mode specs cannot reach. Runs the built app (`npm run build`) with a fresh data folder.
 * Skips, with the reason, where the Electron binary is not installed (offline build machines).
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StandaloneBridge } from '../electron/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron executable, found the way node_modules/electron/index.js finds it, but without
 * requiring that module: it would try to download the binary when it is missing.
 */
function electronExecutable(): string | null {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override
    ? path.join(override, relative)
    : path.join(packageDir, 'dist', relative);
  return fs.existsSync(executable) ? executable : null;
}

/** The part of scripts/electron-native.mjs used here (a JS module without type declarations). */
interface ElectronNative {
  ensureElectronNativeBuild(options?: { log?: (line: string) => void }): Promise<string>;
}

const executable = electronExecutable();

test.describe('Electron shell', () => {
  test.skip(
    executable === null,
    'The Electron binary is not installed (node_modules/electron/dist is missing and cannot be ' +
      'downloaded offline); this spec runs only where Electron is installed.',
  );

  // One worker: the native build in beforeAll must not run twice at once.
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let dataDir: string;

  test.beforeAll(async () => {
    // Compiling better-sqlite3 for Electron the first time takes minutes.
    test.setTimeout(600_000);
    if (!fs.existsSync(path.join(root, 'out', 'main', 'index.js'))) {
      throw new Error('The app is not built: run `npm run build` before this spec.');
    }
    const modulePath = pathToFileURL(path.join(root, 'scripts', 'electron-native.mjs')).href;
    const native = (await import(modulePath)) as ElectronNative;
    await native.ensureElectronNativeBuild({ log: (line) => console.log(line) });
  });

  test.beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-electron-e2e-'));
    app = await electron.launch({
      executablePath: executable ?? undefined,
      args: [root],
      cwd: root,
      env: { ...process.env, STANDALONE_DATA_DIR: dataDir },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the app window with the typed bridge from the preload', async () => {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/Standalone/);
    expect(page.url()).toMatch(/^app:\/\/standalone\//);

    const transport = await page.evaluate(
      () => (window as unknown as { standalone: StandaloneBridge }).standalone.transport,
    );
    expect(transport).toBe('electron');

    // One real call through preload → main relay → services process, on this test's folder.
    const info = await page.evaluate(() =>
      (window as unknown as { standalone: StandaloneBridge }).standalone.call('app.info', {}),
    );
    expect(info.ok).toBe(true);
    if (info.ok) expect(fs.realpathSync(info.value.dataDir)).toBe(fs.realpathSync(dataDir));
  });

  test('window.open to the internet opens nothing', async () => {
    const page = await app.firstWindow();
    const opened = await page.evaluate(() => window.open('https://example.org') !== null);
    expect(opened).toBe(false);
    const windowCount = await app.evaluate(
      ({ BrowserWindow }) => BrowserWindow.getAllWindows().length,
    );
    expect(windowCount).toBe(1);
    expect(app.windows()).toHaveLength(1);
  });

  test('a fetch to the internet fails, from the page and at the session', async () => {
    const page = await app.firstWindow();
    const fromPage = await page.evaluate(async () => {
      try {
        await fetch('https://example.org');
        return 'loaded';
      } catch {
        return 'failed';
      }
    });
    expect(fromPage).toBe('failed');

    // The page's CSP stops the fetch above first; this one has no CSP in the way, so it shows
    // the session's request filter (the offline guarantee) on its own.
    const fromSession = await app.evaluate(async ({ session }) => {
      try {
        await session.defaultSession.fetch('https://example.org');
        return 'loaded';
      } catch {
        return 'failed';
      }
    });
    expect(fromSession).toBe('failed');
  });
});
