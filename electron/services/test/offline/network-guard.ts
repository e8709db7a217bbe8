/**
 * A preload for child processes in the offline tests (bundled by services-bundle.ts, `node --import`):
 * every way Node has to reach another machine — TCP and TLS sockets, HTTP(S) and HTTP/2 clients,
 * `fetch`, DNS and UDP — is replaced by a function that records the attempt and refuses it, so a
 * test can prove that nothing was even tried, and nothing leaves the machine if something is.
 *
 * Servers are not refused (browser mode's own loopback listener is allowed); their `listen`
 * addresses are recorded so that a test can check they are loopback only.
 *
 * Each record is appended at once, synchronously, as one JSON line to the file named by
 * STANDALONE_NETWORK_LOG: it survives a SIGKILL and needs no socket to report.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

export interface NetworkRecord {
  kind: 'attempt' | 'listen';
  api: string;
  target: string;
}

const logFile = process.env.STANDALONE_NETWORK_LOG;

function record(entry: NetworkRecord): void {
  if (logFile) fs.appendFileSync(logFile, JSON.stringify(entry) + '\n');
}

/** Something readable about where a call wanted to go, without trusting its shape. */
function describeTarget(args: unknown[]): string {
  const parts: string[] = [];
  for (const a of args.slice(0, 3)) {
    if (typeof a === 'string' || typeof a === 'number') parts.push(String(a));
    else if (a instanceof URL) parts.push(a.href);
    else if (a && typeof a === 'object') {
      const o = a as Record<string, unknown>;
      for (const key of ['href', 'url', 'protocol', 'host', 'hostname', 'port', 'path']) {
        const v = o[key];
        if (typeof v === 'string' || typeof v === 'number') parts.push(`${key}=${String(v)}`);
      }
    }
  }
  return parts.join(' ').slice(0, 300) || '(no target)';
}

export class NetworkRefusedError extends Error {
  readonly code = 'ENETWORK_REFUSED_BY_TEST';
  constructor(api: string, target: string) {
    super(`Network access refused by the offline test guard: ${api}(${target})`);
  }
}

function refusing(api: string): (...args: unknown[]) => never {
  return (...args: unknown[]) => {
    const target = describeTarget(args);
    record({ kind: 'attempt', api, target });
    throw new NetworkRefusedError(api, target);
  };
}

function replace(owner: object, key: string, api: string): void {
  Object.defineProperty(owner, key, {
    value: refusing(api),
    writable: true,
    configurable: true,
  });
}

const originalLookup = dns.lookup;
const originalPromisesLookup = dns.promises.lookup;

replace(net.Socket.prototype, 'connect', 'net.Socket.connect');
replace(net, 'connect', 'net.connect');
replace(net, 'createConnection', 'net.createConnection');
replace(tls, 'connect', 'tls.connect');
for (const [mod, name] of [
  [http, 'http'],
  [https, 'https'],
] as const) {
  replace(mod, 'request', `${name}.request`);
  replace(mod, 'get', `${name}.get`);
}
replace(http2, 'connect', 'http2.connect');
replace(dgram, 'createSocket', 'dgram.createSocket');
for (const key of Object.keys(dns)) {
  if (/^(lookup|resolve)/.test(key)) replace(dns, key, `dns.${key}`);
}
for (const key of Object.keys(dns.promises)) {
  if (/^(lookup|resolve)/.test(key)) replace(dns.promises, key, `dns.promises.${key}`);
}
// Looking up an IP literal asks no one (`server.listen(port, '127.0.0.1')` does it): let it through.
for (const [owner, original] of [
  [dns, originalLookup],
  [dns.promises, originalPromisesLookup],
] as const) {
  const refuse = owner.lookup as (...args: unknown[]) => unknown;
  Object.defineProperty(owner, 'lookup', {
    value: (...args: unknown[]) =>
      typeof args[0] === 'string' && net.isIP(args[0]) !== 0
        ? (original as (...a: unknown[]) => unknown)(...args)
        : refuse(...args),
    writable: true,
    configurable: true,
  });
}
for (const key of Object.getOwnPropertyNames(dns.Resolver.prototype)) {
  if (/^(resolve|reverse)/.test(key)) replace(dns.Resolver.prototype, key, `dns.Resolver.${key}`);
}
for (const key of Object.getOwnPropertyNames(dns.promises.Resolver.prototype)) {
  if (/^(resolve|reverse)/.test(key)) {
    replace(dns.promises.Resolver.prototype, key, `dns.promises.Resolver.${key}`);
  }
}
globalThis.fetch = refusing('fetch');

// Record where servers listen; the caller decides whether that is loopback only.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  record({ kind: 'listen', api: 'net.Server.listen', target: describeTarget(args) });
  return (listen as (...a: unknown[]) => net.Server).apply(this, args);
} as typeof listen;

// ESM named imports of built-ins (`import { request } from 'node:http'`) see the new functions.
syncBuiltinESMExports();
