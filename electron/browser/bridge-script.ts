/**
 * The script browser mode serves as /__standalone/bridge.js: the stand-in for the Electron
 * preload. It defines the same `window.standalone` surface (StandaloneBridge), carried over
 * fetch to POST /api/call with the per-start token.
 */
export function bridgeScript(token: string, header: string): string {
  return `(() => {
  'use strict';
  const token = ${JSON.stringify(token)};
  const header = ${JSON.stringify(header)};
  const failure = (message) => ({ ok: false, error: { code: 'internal', message } });
  async function call(method, input) {
    let response;
    try {
      response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: token },
        body: JSON.stringify({ method, input }),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      return failure('Standalone (browser mode) could not be reached: ' + String(error && error.message));
    }
    try {
      return await response.json();
    } catch {
      return failure('Standalone (browser mode) answered HTTP ' + response.status + ' without a JSON result.');
    }
  }
  Object.defineProperty(window, 'standalone', {
    value: Object.freeze({ transport: 'browser', call }),
    enumerable: true,
  });
})();
`;
}
