/**
 * Entry of the services process: an Electron utilityProcess in the app, a Node child process in
 * tests. It owns the only database connection and answers calls from its parent.
 */
import { ServiceError } from './core/errors';
import type { FromServices, ToServices } from './host-protocol';
import { startServices, type Runtime } from './runtime';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function send(message: FromServices): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

function onMessage(listener: (message: ToServices) => void): void {
  if (parentPort) parentPort.on('message', (e) => listener(e.data as ToServices));
  else process.on('message', (m) => listener(m as ToServices));
}

let runtime: Runtime | undefined;
try {
  runtime = startServices({
    endSessionsLeftOpen: true,
    ...(process.env.STANDALONE_NATIVE_BINDING
      ? { nativeBinding: process.env.STANDALONE_NATIVE_BINDING }
      : {}),
  });
  send({ type: 'ready', dataDir: runtime.services.dataDir });
} catch (error) {
  const apiError =
    error instanceof ServiceError
      ? { code: error.code, message: error.message }
      : {
          code: 'internal' as const,
          message: error instanceof Error ? error.message : String(error),
        };
  send({ type: 'fatal', error: apiError });
}

onMessage((message) => {
  if (message.type === 'shutdown') {
    runtime?.close();
    process.exit(0);
  }
  if (message.type === 'call') {
    if (!runtime) {
      send({
        type: 'result',
        id: message.id,
        result: { ok: false, error: { code: 'internal', message: 'The services did not start.' } },
      });
      return;
    }
    void runtime.dispatch(message.method, message.input).then((result) => {
      send({ type: 'result', id: message.id, result });
    });
  }
});
