import type { ApiError, Result } from '../api/result';
import type { FromServices, ToServices } from '../services/host-protocol';

/** Every call gets an answer within this time, even if the services process hangs. */
export const CALL_TIMEOUT_MS = 60_000;

export interface CallRelay {
  /** Send a call to the services process; always resolves, never rejects. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Deliver the services' answer to the waiting call (late or unknown ids are ignored). */
  settle(id: number, result: Result<unknown>): void;
  /** Answer every waiting call with `message` and refuse new ones (shutdown, crash). */
  drain(message: string): void;
  readonly pendingCount: number;
}

export interface CallRelayOptions {
  send(message: ToServices): void;
  timeoutMs?: number;
}

interface Pending {
  resolve(result: Result<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}

function failure(message: string): Result<unknown> {
  const error: ApiError = { code: 'internal', message };
  return { ok: false, error };
}

/**
 * The main process's half of the services protocol: ids, a timeout on every call, and draining on
 * shutdown. Pure (no Electron): the transport is the `send` function it is given.
 */
export function createCallRelay(options: CallRelayOptions): CallRelay {
  const timeoutMs = options.timeoutMs ?? CALL_TIMEOUT_MS;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closedMessage: string | null = null;

  function finish(id: number, result: Result<unknown>): void {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  }

  return {
    call(method, input) {
      if (closedMessage !== null) return Promise.resolve(failure(closedMessage));
      const id = nextId;
      nextId += 1;
      return new Promise<Result<unknown>>((resolve) => {
        const timer = setTimeout(() => {
          finish(
            id,
            failure(
              `The call ${method} timed out after ${Math.round(timeoutMs / 1000)} s: the ` +
                `Standalone services did not answer. Try again; if it keeps happening, restart ` +
                `Standalone.`,
            ),
          );
        }, timeoutMs);
        pending.set(id, { resolve, timer });
        try {
          options.send({ type: 'call', id, method, input });
        } catch (error) {
          // A dead or closing process throws on postMessage: answer now rather than time out.
          const reason = error instanceof Error ? error.message : String(error);
          finish(id, failure(`The call ${method} could not be sent to the services: ${reason}`));
        }
      });
    },
    settle(id, result) {
      finish(id, result);
    },
    drain(message) {
      closedMessage = message;
      for (const id of [...pending.keys()]) finish(id, failure(message));
    },
    get pendingCount() {
      return pending.size;
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Check the shape of a message from the services process before acting on it. The services are
 * ours, but a message that does not fit must not crash the main process.
 */
export function parseServicesMessage(value: unknown): FromServices | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'ready':
      return typeof value.dataDir === 'string' ? { type: 'ready', dataDir: value.dataDir } : null;
    case 'fatal': {
      const error = value.error;
      if (!isRecord(error) || typeof error.message !== 'string' || typeof error.code !== 'string')
        return null;
      return { type: 'fatal', error: error as unknown as ApiError };
    }
    case 'result': {
      const result = value.result;
      if (typeof value.id !== 'number' || !isRecord(result) || typeof result.ok !== 'boolean')
        return null;
      return { type: 'result', id: value.id, result: result as unknown as Result<unknown> };
    }
    default:
      return null;
  }
}
