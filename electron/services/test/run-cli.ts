import { spawn } from 'node:child_process';
import { repoRoot } from './temp-runtime';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real command line in its own process, as an operator runs it. Asynchronous, so that a
 * test can run several at once (each start costs seconds of module loading).
 */
export function runCli(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/main.ts', '--data-dir', dataDir, ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, STANDALONE_DATA_DIR: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
