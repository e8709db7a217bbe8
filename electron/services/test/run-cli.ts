import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startServices, type Runtime } from '../runtime';
import { testPassphrase } from '../signing/test/test-identity';
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
  return outputOf(spawn(p.file, p.args, { ...p.options, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** What a child process wrote to stdout and stderr, and its exit code, once it has closed. */
export function outputOf(child: ChildProcessByStdio<null, Readable, Readable>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
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

export interface CliStation {
  /** The data folder the CLI runs on. */
  data: ReturnType<typeof tempDir>;
  /** A folder for what the commands write, holding the signing passphrase in `passFile`. */
  work: ReturnType<typeof tempDir>;
  passFile: string;
  /** The real CLI in its own process, on this data folder. */
  cli(...args: string[]): CliRun;
}

/**
 * For a test file: a data folder set up once by `prepare` on services that are closed before the
 * tests run the CLI on it, and a work folder with the signing passphrase in a file; both removed
 * after the file's tests.
 */
export function cliStation(
  name: string,
  prepare: (rt: Runtime) => Promise<unknown>,
  timeout: number,
): CliStation {
  // Filled in before the file's tests, as vitest runs them.
  const t = { cli: (...args: string[]) => runCliSync(t.data.dir, args) } as CliStation;
  beforeAll(async () => {
    t.data = tempDir(`standalone-cli-${name}-`);
    t.work = tempDir(`standalone-cli-${name}-out-`);
    const rt = startServices({ dataDir: t.data.dir });
    try {
      await prepare(rt);
    } finally {
      rt.close();
    }
    t.passFile = path.join(t.work.dir, 'passphrase.txt');
    fs.writeFileSync(t.passFile, `${testPassphrase}\n`);
  }, timeout);
  afterAll(() => {
    t.data.cleanup();
    t.work.cleanup();
  });
  return t;
}
