import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ApiError, Result } from '../../api/result';
import type { FromServices, ToServices } from '../host-protocol';
import { repoRoot } from './temp-runtime';

export const hostEntry = path.join(repoRoot, 'electron/services/host.ts');

export interface ChildServicesOptions {
  dataDir: string;
  /**
   * A bundled build of the services (see services-bundle.ts), started by Node as it is; without
   * it, the sources (hostEntry) through tsx.
   */
  entry?: string;
  /**
   * Extra `--import` preloads (e.g. the network guard), after tsx; with `entry`, bundled ones
   * (see services-bundle.ts), as Node runs no TypeScript.
   */
  preloads?: string[];
  env?: Record<string, string>;
}

export type StartOutcome =
  | { type: 'ready' }
  | { type: 'fatal'; error: ApiError }
  | { type: 'exit'; code: number | null; signal: string | null };

/**
 * The services process as the app runs it (electron/services/host.ts), in a Node child process
 * with an IPC channel: the messages of host-protocol.ts, a real database file, real crashes.
 */
export interface ChildServices {
  child: ChildProcess;
  /** The first message: ready, fatal (the database could not be opened), or an early exit. */
  started: Promise<StartOutcome>;
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Resolves when the process has exited (for any reason). */
  exited: Promise<{ code: number | null; signal: string | null }>;
  kill(signal?: NodeJS.Signals): void;
  /** Ask it to close the database and exit, and wait for that. */
  shutdown(): Promise<void>;
  stderr(): string;
}

export function startChildServices(options: ChildServicesOptions): ChildServices {
  const loaders = options.entry ? [] : ['tsx'];
  const imports = [...loaders, ...(options.preloads ?? [])].flatMap((p) => ['--import', p]);
  const child = fork(options.entry ?? hostEntry, [], {
    cwd: repoRoot,
    execArgv: imports,
    env: {
      ...process.env,
      ...options.env,
      STANDALONE_DATA_DIR: options.dataDir,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  let nextId = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const [, settle] of pending) {
        settle({ ok: false, error: { code: 'internal', message: 'the services process exited' } });
      }
      pending.clear();
      resolve({ code, signal });
    });
  });
  const started = new Promise<StartOutcome>((resolve) => {
    child.on('message', (raw) => {
      const message = raw as FromServices;
      if (message.type === 'ready') resolve({ type: 'ready' });
      else if (message.type === 'fatal') resolve({ type: 'fatal', error: message.error });
      else {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
    });
    void exited.then(({ code, signal }) => resolve({ type: 'exit', code, signal }));
  });
  const send = (message: ToServices) => {
    // A kill can land between the check and the write: the write's EPIPE comes to this callback
    // (without one it is thrown at the process), and the exit handler settles the call.
    if (child.connected) child.send(message, () => {});
  };
  return {
    child,
    started,
    exited,
    call(method, input) {
      const id = nextId++;
      return new Promise((resolve) => {
        if (!child.connected) {
          resolve({
            ok: false,
            error: { code: 'internal', message: 'the services process is gone' },
          });
          return;
        }
        pending.set(id, resolve);
        send({ type: 'call', id, method, input });
      });
    },
    kill(signal = 'SIGKILL') {
      child.kill(signal);
    },
    async shutdown() {
      send({ type: 'shutdown' });
      await exited;
    },
    stderr: () => stderr,
  };
}
