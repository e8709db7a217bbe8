import { utilityProcess, type UtilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import type { ApiError } from '../api/result';
import { createCallRelay, parseServicesMessage, type CallRelay } from './call-relay';
import { messages } from './messages';

export interface ServicesOptions {
  /** out/main/services.js */
  entry: string;
  dataDir: string;
  /** better-sqlite3 compiled for Electron's ABI. */
  nativeBinding: string;
  /** The process died after it was ready (not during our own shutdown). */
  onUnexpectedExit(exitCode: number): void;
}

export interface ServicesConnection {
  relay: CallRelay;
  /** Answer waiting calls, ask the process to close its database and exit, then make sure. */
  stop(): Promise<void>;
}

/** Rejected from setupServices with the error the services reported, for the startup dialog. */
export class ServicesStartError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ServicesStartError';
  }
}

const stopGraceMs = 5_000;

/**
 * Fork the services process (the only owner of the database) and wait until it reports `ready`
 * or `fatal`. After that, the main process only relays calls to it.
 */
export function setupServices(options: ServicesOptions): Promise<ServicesConnection> {
  if (!existsSync(options.nativeBinding)) {
    return Promise.reject(
      new ServicesStartError({
        code: 'internal',
        message: messages.missingNativeBinding(options.nativeBinding),
      }),
    );
  }

  const child: UtilityProcess = utilityProcess.fork(options.entry, [], {
    serviceName: 'Standalone services',
    env: {
      ...process.env,
      STANDALONE_DATA_DIR: options.dataDir,
      STANDALONE_NATIVE_BINDING: options.nativeBinding,
    },
    stdio: 'inherit',
  });
  const relay = createCallRelay({ send: (message) => child.postMessage(message) });

  let exited = false;
  let stopping = false;
  const exitedPromise = new Promise<number>((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      resolve(code);
    });
  });

  let stopped: Promise<void> | null = null;
  const connection: ServicesConnection = {
    relay,
    stop() {
      // One shutdown however many times it is asked for (quit twice, fatal then quit).
      stopped ??= (async () => {
        stopping = true;
        relay.drain(messages.shuttingDown);
        if (exited) return;
        child.postMessage({ type: 'shutdown' });
        // The services exit on their own after closing the database; a hung one is killed.
        const timer = setTimeout(() => child.kill(), stopGraceMs);
        await exitedPromise;
        clearTimeout(timer);
      })();
      return stopped;
    },
  };

  return new Promise<ServicesConnection>((resolve, reject) => {
    let ready = false;
    child.on('message', (raw: unknown) => {
      const message = parseServicesMessage(raw);
      if (message === null) {
        console.error('Ignored a malformed message from the services process.');
        return;
      }
      switch (message.type) {
        case 'ready':
          ready = true;
          resolve(connection);
          return;
        case 'fatal':
          // The process stays up after a fatal start; close it before reporting.
          void connection.stop();
          reject(new ServicesStartError(message.error));
          return;
        case 'result':
          relay.settle(message.id, message.result);
          return;
      }
    });
    void exitedPromise.then((code) => {
      if (stopping) return;
      relay.drain(messages.servicesStopped);
      if (!ready) {
        reject(
          new ServicesStartError({ code: 'internal', message: messages.servicesExitedEarly(code) }),
        );
        return;
      }
      options.onUnexpectedExit(code);
    });
  });
}
