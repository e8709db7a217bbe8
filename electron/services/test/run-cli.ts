import { spawn, spawnSync } from 'node:child_process';
import { afterEach } from 'vitest';
import { repoRoot, tempDir } from './temp-runtime';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command line and the environment of the real CLI in its own process, as an operator runs it. */
function cliProcess(dataDir: string, args: string[], env: Record<string, string>) {
  return {
    file: process.execPath,
    args: ['--import', 'tsx', 'electron/cli/main.ts', '--data-dir', dataDir, ...args],
    options: {
      cwd: repoRoot,
      // Nothing from the shell that runs the tests reaches the CLI: the data folder is the one
      // named, and a passphrase or new PIN only ever comes from the test itself.
      env: {
        ...process.env,
        STANDALONE_DATA_DIR: '',
        STANDALONE_SIGNING_PASSPHRASE: '',
        STANDALONE_NEW_SECRET: '',
        ...env,
      },
    },
  };
}

/**
 * The real command line in its own process. Asynchronous, so that a test can run several at once
 * (each start costs seconds of module loading).
 */
export function runCli(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const p = cliProcess(dataDir, args, env);
  return new Promise((resolve, reject) => {
    const child = spawn(p.file, p.args, { ...p.options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The same, waited for: for tests whose steps follow one another. */
export function runCliSync(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): CliRun {
  const p = cliProcess(dataDir, args, env);
  const r = spawnSync(p.file, p.args, { ...p.options, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * For a test file: call the returned function for a fresh data folder; every folder it made is
 * removed after each test.
 */
export function freshDataDirs(prefix = 'standalone-cli-'): () => string {
  const made: (() => void)[] = [];
  afterEach(() => made.splice(0).forEach((cleanup) => cleanup()));
  return () => {
    const t = tempDir(prefix);
    made.push(t.cleanup);
    return t.dir;
  };
}
