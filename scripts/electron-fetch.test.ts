import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

interface ElectronFetch {
  fetchElectron(options: {
    root: string;
    noProgressMs?: number;
    log?: (line: string) => void;
  }): Promise<{ ok: true } | { ok: false; reason: string }>;
}

const { fetchElectron } = (await import(
  new URL('./electron-fetch.mjs', import.meta.url).href
)) as ElectronFetch;
const root = path.resolve(import.meta.dirname, '..');
const saved = { ...process.env };
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const key of ['ELECTRON_MIRROR', 'electron_config_cache']) {
    if (saved[key] === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = saved[key];
  }
});

describe('fetchElectron', () => {
  it('gives up when the download makes no progress, and says so', async () => {
    // A mirror on loopback that accepts the request and never answers.
    const held: http.ServerResponse[] = [];
    const server = http.createServer((_req, res) => held.push(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      for (const res of held) res.destroy();
      server.close();
    });
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-electron-cache-'));
    cleanups.push(() => fs.rmSync(cache, { recursive: true, force: true }));
    process.env.ELECTRON_MIRROR = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    process.env.electron_config_cache = cache;

    const lines: string[] = [];
    const outcome = await fetchElectron({ root, noProgressMs: 3000, log: (l) => lines.push(l) });
    expect(outcome).toEqual({ ok: false, reason: 'no progress for 3 s' });
    expect(held.length).toBe(1);
    expect(lines[0]).toMatch(/downloading it \(giving up after 3 s without progress\)/);
    expect(fs.readdirSync(cache)).toEqual([]);
  });
});
