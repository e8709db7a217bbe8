/**
 * The renderer's one way to the services: `call(method, input)` over `window.standalone` (the
 * Electron preload, or browser mode's bridge), typed from the API map. Type-only imports:
 * the renderer must never pull services or Node code into its bundle.
 */
import i18n from 'i18next';
import type {
  ApiError,
  InputOf,
  MethodName,
  Result,
  ResultOf,
  StandaloneBridge,
} from '../../../electron/api';

export type { ApiError, Result };
export type Transport = StandaloneBridge['transport'];

function isBridge(value: unknown): value is StandaloneBridge {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { call?: unknown }).call === 'function' &&
    typeof (value as { transport?: unknown }).transport === 'string'
  );
}

/**
 * Read through a narrow cast rather than augmenting the global `Window`: the preload owns that
 * declaration, and two differing declarations would not compile.
 */
function getBridge(): StandaloneBridge | undefined {
  const candidate: unknown = (window as { standalone?: unknown }).standalone;
  return isBridge(candidate) ? candidate : undefined;
}

/** Fired on window when any call comes back `unauthenticated`. */
export const unauthenticatedEvent = 'standalone:unauthenticated';

export function currentTransport(): Transport | undefined {
  return getBridge()?.transport;
}

/**
 * Call one API method. Never throws: a missing bridge or a failed transport comes back as an
 * `ok: false` Result, so every caller shows it the same way as a service error.
 */
export async function call<M extends MethodName>(
  method: M,
  input: InputOf<M>,
): Promise<Result<ResultOf<M>>> {
  const bridge = getBridge();
  if (!bridge) {
    return { ok: false, error: { code: 'internal', message: i18n.t('errors.noBridge') } };
  }
  try {
    const result = await bridge.call(method, input);
    // The session provider listens: an idle lock or sign-out in the services brings the
    // sign-in screen back whichever call noticed it first.
    if (!result.ok && result.error.code === 'unauthenticated') {
      window.dispatchEvent(new Event(unauthenticatedEvent));
    }
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The method and what the transport said are for IT: behind Details, not in the sentence.
    return {
      ok: false,
      error: {
        code: 'internal',
        message: i18n.t('errors.transport'),
        details: { technical: `${method}: ${reason}` },
      },
    };
  }
}
