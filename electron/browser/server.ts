/**
 * Browser mode: serves the built renderer and the real API over loopback HTTP, for machines where
 * the Electron runtime is missing (`npm start` falls back to it, `npm start -- --browser` chooses
 * it) and for the Playwright specs, which drive exactly this. The services run in-process; the
 * bridge script stands in for the preload. Only 127.0.0.1 is served, every call needs the token
 * made at this start, and requests from other sites are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../api/content-security-policy';
import { contentTypeFor, plainTextType, scriptType } from '../api/content-types';
import { err, type Result } from '../api/result';
import { describeApi } from '../services/dispatcher';
import { startServices } from '../services/runtime';
import { bridgeScript } from './bridge-script';

export const tokenHeader = 'x-standalone-token';
export const maxBodyBytes = 10 * 1024 * 1024;
const bridgePath = '/__standalone/bridge.js';

export interface BrowserServerOptions {
  /** The data folder; defaults to STANDALONE_DATA_DIR, else the app's user-data folder. */
  dataDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer; defaults to `out/renderer` in the repository. */
  rendererDir?: string;
}

export interface BrowserServer {
  /** The origin with a trailing slash: API calls go to `${url}api/call` with the token header. */
  url: string;
  /**
   * The address to open: `url` with this start's token, which the server trades for a cookie.
   * The page and its bridge script are served only to a browser holding that cookie, so another
   * local user or process cannot pick the token up from the page.
   */
  openUrl: string;
  token: string;
  /** The data folder the services opened. */
  dataDir: string;
  close(): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly result: Result<never>,
  ) {
    super(result.ok ? '' : result.error.message);
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The value of one cookie in a Cookie header, if present. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body as text, refusing more than `maxBodyBytes` without buffering it all. */
function readBody(req: http.IncomingMessage): Promise<string> {
  const tooLarge = new HttpError(
    413,
    err('invalid_input', `The request body is larger than ${maxBodyBytes / 1024 / 1024} MB.`),
  );
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBodyBytes) {
    // Drain rather than reset, so the client can read the 413 instead of a broken pipe.
    req.resume();
    return Promise.reject(tooLarge);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function parseCall(text: string): { method: string; input: unknown } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpError(
      400,
      err(
        'invalid_input',
        `The request body is not valid JSON (${reason}). Send {"method", "input"}.`,
      ),
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(
      400,
      err('invalid_input', 'The request body must be a JSON object: {"method", "input"}.'),
    );
  }
  const { method, input } = body as { method?: unknown; input?: unknown };
  if (typeof method !== 'string') {
    throw new HttpError(400, err('invalid_input', 'The request body needs "method" as a string.'));
  }
  return { method, input };
}

/** Inject the bridge before the app's first script so window.standalone exists when it runs. */
function injectBridge(html: string): string {
  const tag = `<script src="${bridgePath}"></script>`;
  const at = html.search(/<script\b/i);
  if (at >= 0) return html.slice(0, at) + tag + '\n    ' + html.slice(at);
  return html.replace(/<\/head>/i, `${tag}\n</head>`);
}

/** Resolve a URL path inside `root`, or undefined if it would leave it (path traversal). */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

export async function startBrowserServer(
  options: BrowserServerOptions = {},
): Promise<BrowserServer> {
  const rendererDir = path.resolve(options.rendererDir ?? path.join(repoRoot, 'out/renderer'));
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(
      `The built renderer was not found at ${indexFile}. Build it first: npx electron-vite build.`,
    );
  }
  const token = randomBytes(32).toString('hex');
  const runtime = startServices({ dataDir: options.dataDir, endSessionsLeftOpen: true });
  let origin = '';

  const securityHeaders = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Another site must not be able to load bridge.js (and its token) with a <script> tag.
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };

  /** Refuse requests another site made the browser send (and DNS-rebinding hosts). */
  function isForeign(req: http.IncomingMessage): boolean {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) return true;
    return req.headers.host !== new URL(origin).host;
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    if (!tokenMatches(req.headers[tokenHeader], token)) {
      req.resume();
      sendJson(res, 401, err('unauthenticated', `Missing or wrong ${tokenHeader} header.`));
      return;
    }
    const { method, input } = parseCall(await readBody(req));
    // HTTP 200 even for ok:false: the Result is the answer; HTTP codes are for the transport.
    sendJson(res, 200, await runtime.dispatch(method, input));
  }

  // Cookies are not kept apart by port: the name carries it, so two starts do not collide.
  const cookieName = () => `standalone-${new URL(origin).port}`;

  /** The page and the bridge (which carries the token) only for the browser given openUrl. */
  function admitted(req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean {
    if (url.pathname === '/' && url.searchParams.has('token')) {
      if (tokenMatches(url.searchParams.get('token') ?? '', token)) {
        res.writeHead(303, {
          ...securityHeaders,
          location: '/',
          'set-cookie': `${cookieName()}=${token}; Path=/; HttpOnly; SameSite=Strict`,
        });
        res.end();
        return false;
      }
    } else if (tokenMatches(cookieValue(req.headers.cookie, cookieName()), token)) {
      return true;
    }
    res.writeHead(401, { ...securityHeaders, 'content-type': plainTextType });
    res.end(
      'Open the full address printed when Standalone started: it carries the key of this start.\n',
    );
    return false;
  }

  function serveFile(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = url;
    const guarded = pathname === bridgePath || pathname === '/' || pathname === '/index.html';
    if (guarded && !admitted(req, res, url)) return;
    if (pathname === bridgePath) {
      const body = bridgeScript(token, tokenHeader);
      res.writeHead(200, { ...securityHeaders, 'content-type': scriptType });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const wantsIndex = pathname === '/' || pathname === '/index.html';
    const file = wantsIndex ? indexFile : resolveInside(rendererDir, pathname);
    let stat: fs.Stats | undefined;
    try {
      stat = file ? fs.statSync(file) : undefined;
    } catch {
      stat = undefined;
    }
    if (!file || !stat?.isFile()) {
      res.writeHead(404, { ...securityHeaders, 'content-type': plainTextType });
      res.end('Not found');
      return;
    }
    const type = contentTypeFor(file);
    const body = wantsIndex
      ? Buffer.from(injectBridge(fs.readFileSync(file, 'utf8')))
      : fs.readFileSync(file);
    res.writeHead(200, { ...securityHeaders, 'content-type': type, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const { pathname } = url;
    if (isForeign(req)) {
      req.resume();
      sendJson(res, 403, err('forbidden', 'Requests from other sites are refused.'));
      return;
    }
    if (pathname === '/api/call') return handleCall(req, res);
    if (pathname === '/api') {
      if (req.method !== 'GET') {
        res.writeHead(405, { allow: 'GET' }).end();
        return;
      }
      if (!tokenMatches(req.headers[tokenHeader], token)) {
        sendJson(res, 401, err('unauthenticated', `Missing or wrong ${tokenHeader} header.`));
        return;
      }
      sendJson(res, 200, describeApi());
      return;
    }
    serveFile(req, res, url);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, error.result);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      sendJson(res, 500, err('internal', `Browser mode failed: ${message}`));
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    runtime.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/`,
    openUrl: `${origin}/?token=${token}`,
    token,
    dataDir: runtime.services.dataDir,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => {
          runtime.close();
          resolve();
        });
        // Keep-alive connections from the browser would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
