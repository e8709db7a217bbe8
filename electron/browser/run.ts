/**
 * Browser mode as `npm start` runs it: the services and the built UI on 127.0.0.1 with this
 * start's token, on the data folder (STANDALONE_DATA_DIR, else the app's user-data folder), opened
 * in a Chromium-family browser's app window when one is found. Ctrl+C (SIGINT) or SIGTERM closes
 * the database cleanly and ends with exit code 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startBrowserServer } from './server';

export interface BrowserModeOptions {
  /** The one line saying that this is browser mode (the fallback) and why. */
  notice: string;
  /** The browser to open the app in, with the arguments for a URL and a profile folder. */
  browser?: { executable: string; args: (url: string, profileDir: string) => string[] };
  port?: number;
  /** Where the lines for the person at the terminal go. */
  print?: (line: string) => void;
}

export async function runBrowserMode(options: BrowserModeOptions): Promise<void> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const server = await startBrowserServer({ port: options.port ?? 0 });
  print(options.notice);
  print(server.openUrl);
  print(`Data folder: ${server.dataDir}`);

  let window: ChildProcess | undefined;
  if (options.browser) {
    // A profile of its own: the app window never shares cookies or extensions with the user's.
    const profileDir = path.join(server.dataDir, 'browser-profile');
    fs.mkdirSync(profileDir, { recursive: true });
    window = spawn(options.browser.executable, options.browser.args(server.openUrl, profileDir), {
      stdio: 'ignore',
      detached: true,
    });
    window.on('error', (error) =>
      print(`Could not open ${options.browser?.executable}: ${error.message}`),
    );
    window.unref();
    print(`Opened it in ${options.browser.executable}.`);
  } else {
    print('Open that address in Chromium, Chrome or Edge.');
  }
  print('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    if (window?.exitCode === null) window.kill();
    // Closing the services checkpoints the WAL and closes the database file.
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
