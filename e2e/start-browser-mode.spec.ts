/**
 * `npm start` without a usable Electron runtime: it tries the download (here from a mirror that
 * refuses at once, so no network is needed), says in one line that browser mode is the fallback,
 * prints the address, serves the app on 127.0.0.1 with this start's token, and closes the database
 * cleanly on Ctrl+C. Runs the app as last built (`--no-build`) and opens no window (`--no-open`).
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A loopback port with nothing listening: the download is refused without the network. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves with stdout's lines once one is the address; rejects if the process ends first. */
function addressLine(child: ChildProcess, output: { text: string }): Promise<string[]> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output.text += chunk.toString('utf8');
      const lines = output.text.split('\n');
      if (lines.some((line) => line.startsWith('http://'))) resolve(lines);
    });
    child.on('exit', (code) => reject(new Error(`npm start ended (${code}):\n${output.text}`)));
  });
}

test('npm start falls back to browser mode, serves the app, and stops cleanly on Ctrl+C', async ({
  page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-start-'));
  const dataDir = path.join(dir, 'data');
  const noElectron = path.join(dir, 'no-electron');
  fs.mkdirSync(noElectron);
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'start.mjs'), '--no-open', '--no-build'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        STANDALONE_DATA_DIR: dataDir,
        // The runtime is "missing" (an empty dist) and its download is refused at once.
        ELECTRON_OVERRIDE_DIST_PATH: noElectron,
        ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
        electron_config_cache: path.join(dir, 'cache'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  try {
    const lines = await addressLine(child, { text: '' });
    const notice = lines.find((line) => line.startsWith('Fallback:'));
    expect(notice).toMatch(/browser mode, because the Electron runtime is missing/);
    const url = lines.find((line) => line.startsWith('http://')) ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);

    // Without the token the page is refused; with it, the app's first-run screen shows.
    expect((await page.request.get(new URL('/', url).href)).status()).toBe(401);
    await page.goto(url);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up this station' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Load the demo facility' })).toBeVisible();
    expect(consoleErrors).toEqual([]);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  // Closed cleanly: the WAL was checkpointed into the database and removed.
  expect(fs.existsSync(path.join(dataDir, 'standalone.sqlite'))).toBe(true);
  expect(fs.existsSync(path.join(dataDir, 'standalone.sqlite-wal'))).toBe(false);
  const db = new Database(path.join(dataDir, 'standalone.sqlite'), { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
