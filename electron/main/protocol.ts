import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentTypeFor } from '../api/content-types';
import { appResponseHeaders, resolveAppPath } from './app-path';
import { APP_SCHEME } from './app-url';

/**
 * Must run before `ready`. `standard` gives the scheme real origins and relative URLs, `secure`
 * makes it a secure context, `supportFetchAPI` lets the page fetch its own assets. Deliberately
 * not `bypassCSP`, `corsEnabled` or `allowServiceWorkers`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/**
 * Serve `app://standalone/…` from the built renderer folder. Files are read with `fs` (which
 * Electron makes asar-aware) rather than `net.fetch('file://…')`, so serving never goes through
 * the network stack that the session blocks.
 */
export function setupAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method not allowed');
    }
    const file = resolveAppPath(rendererDir, request.url);
    if (file === null) return plainResponse(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      // Missing file, a folder, or unreadable: the page sees the same 404 for all of them.
      return plainResponse(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: appResponseHeaders(contentTypeFor(file)),
    });
  });
}
