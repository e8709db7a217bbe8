/**
 * The offline guarantee where Node runs: the services process and browser mode never open a
 * connection to anywhere, and browser mode listens on loopback only. Each runs in a child process
 * with network-guard.ts preloaded, which records and refuses every way Node has to reach the
 * network; a control proves the guard sees attempts. (The page's CSP is e2e/offline.spec.ts; the
 * Electron session filter is electron/main/request-filter.test.ts.)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../api/methods';
import { startChildServices } from '../child-services';
import { drive, seededRandom } from '../crash/driver';
import { caseOperations, demoAdmin } from '../crash/case-operations';
import { availableOperations, initialDriveState, type Acknowledged } from '../crash/operations';
import { fixturesDir, repoRoot } from '../temp-runtime';
import type { NetworkRecord } from './network-guard';
import { cleanupAfterEach } from '../cleanups';
import { outputOf, type CliRun } from '../run-cli';
import { bundleServices, type ServicesBundle } from '../services-bundle';

const networkGuard = path.join(import.meta.dirname, 'network-guard.ts');
const browserServer = path.join(repoRoot, 'electron/browser/server.ts');

const { later, folder } = cleanupAfterEach();

const minutes = 60_000;

/**
 * The services, browser mode's server and the guard bundled once for the file (see
 * services-bundle.ts): the children start as Node runs them, without tsx compiling the sources
 * in each one.
 */
let bundle: ServicesBundle;
let guard = '';
let serverModule = '';
beforeAll(async () => {
  bundle = await bundleServices({ preloads: [networkGuard], modules: [browserServer] });
  guard = bundle.preloads[0] ?? '';
  serverModule = bundle.modules[0] ?? '';
}, 5 * minutes);
afterAll(() => bundle.cleanup());

function records(logFile: string): NetworkRecord[] {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as NetworkRecord);
}

/** Run a Node script (ESM) with the bundled guard preloaded; resolves with its stdout when it exits. */
function guardedScript(script: string, env: Record<string, string>): Promise<CliRun> {
  return outputOf(
    spawn(process.execPath, ['--import', guard, '--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

describe('the offline guarantee in the services and browser mode', () => {
  it('control: the guard records and refuses every kind of network call', async () => {
    const log = path.join(folder('standalone-net-'), 'network.jsonl');
    const script = `
      import net from 'node:net'; import tls from 'node:tls'; import http from 'node:http';
      import https from 'node:https'; import dns from 'node:dns'; import dgram from 'node:dgram';
      const tries = {
        fetch: () => fetch('https://example.org/'),
        httpGet: () => http.get('http://192.0.2.1/'),
        httpsRequest: () => https.request({ host: 'example.org', port: 443 }),
        netConnect: () => net.connect(80, '192.0.2.1'),
        socketConnect: () => new net.Socket().connect(80, '192.0.2.1'),
        tlsConnect: () => tls.connect(443, 'example.org'),
        dnsLookup: () => dns.lookup('example.org', () => {}),
        dnsPromises: () => dns.promises.resolve4('example.org'),
        udp: () => dgram.createSocket('udp4'),
      };
      const refused = [];
      for (const [name, attempt] of Object.entries(tries)) {
        try { await attempt(); } catch (e) { if (e.code === 'ENETWORK_REFUSED_BY_TEST') refused.push(name); }
      }
      console.log(JSON.stringify(refused));
    `;
    const run = await guardedScript(script, { STANDALONE_NETWORK_LOG: log });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      'fetch',
      'httpGet',
      'httpsRequest',
      'netConnect',
      'socketConnect',
      'tlsConnect',
      'dnsLookup',
      'dnsPromises',
      'udp',
    ]);
    const apis = records(log).map((r) => r.api);
    expect(apis).toEqual(
      expect.arrayContaining([
        'fetch',
        'http.get',
        'https.request',
        'net.connect',
        'net.Socket.connect',
        'tls.connect',
        'dns.lookup',
        'dns.promises.resolve4',
        'dgram.createSocket',
      ]),
    );
  });

  it(
    'the services process opens no socket through a stream of real operations',
    async () => {
      const dir = folder('standalone-offline-services-');
      const log = path.join(folder('standalone-net-'), 'network.jsonl');
      const child = startChildServices({
        dataDir: dir,
        entry: bundle.entry,
        preloads: bundle.preloads,
        env: { STANDALONE_NETWORK_LOG: log },
      });
      later(() => child.kill());
      expect(await child.started).toEqual({ type: 'ready' });
      const ok = async (method: string, input: unknown) => {
        const r = await child.call(method, input);
        expect(r, method).toMatchObject({ ok: true });
        return r.ok ? r.value : undefined;
      };
      await ok('demo.load', {});
      await ok('session.signIn', demoAdmin);
      await ok('app.info', {});
      await ok('devices.list', { limit: 100 });
      await ok('audit.verify', {});
      await ok('db.check', { full: true });

      // Every importer there is, with the shared fixtures (each operation of the crash table).
      // Case work needs an incident and the roles that sign; the crash test drives it per persona.
      const operations = availableOperations('admin').filter((op) => !caseOperations.includes(op));
      const ledger: Acknowledged[] = [];
      const outcome = await drive({
        child,
        operations,
        state: { ...initialDriveState(), backupFolder: folder('standalone-offline-restores-') },
        ledger,
        counter: { n: 1 },
        random: seededRandom(7),
        maxCalls: 40,
      });
      expect(outcome.refused).toEqual([]);
      const inventory = path.join(fixturesDir, 'inventory');
      if ('inventory.import' in api && fs.existsSync(inventory)) {
        for (const f of fs.readdirSync(inventory).filter((n) => n.endsWith('.csv'))) {
          const content = fs.readFileSync(path.join(inventory, f), 'utf8');
          await ok('inventory.preview', { fileName: f, content });
          await ok('inventory.import', { fileName: f, content, skipInvalid: true });
        }
      }
      if ('matches.run' in api) await ok('matches.run', {});
      const backups = folder('standalone-offline-backups-');
      const backup = (await ok('backup.create', { folder: backups })) as { file: string };
      await ok('backup.verify', { file: backup.file });
      await ok('audit.verify', {});
      // And every method of the API once with an empty input (refused or not, nothing may dial out).
      for (const method of Object.keys(api).filter((m) => !m.startsWith('session.'))) {
        await child.call(method, {});
      }
      await child.shutdown();

      const methodsCalled = new Set(ledger.map((a) => a.operation));
      expect(methodsCalled.size).toBe(operations.length);
      expect(records(log).filter((r) => r.kind === 'attempt')).toEqual([]);
    },
    10 * minutes,
  );

  it(
    'browser mode listens on 127.0.0.1 only and opens no socket itself',
    async () => {
      const dir = folder('standalone-offline-harness-');
      const renderer = folder('standalone-offline-renderer-');
      fs.writeFileSync(
        path.join(renderer, 'index.html'),
        '<!doctype html><title>t</title><script src="x.js"></script>',
      );
      const log = path.join(folder('standalone-net-'), 'network.jsonl');
      // The browser-mode server, started as e2e/fixtures.ts starts it; it answers one call, then stops.
      const script = `
        const { startBrowserServer } = await import(${JSON.stringify(serverModule)});
        const h = await startBrowserServer({ dataDir: ${JSON.stringify(dir)}, rendererDir: ${JSON.stringify(renderer)} });
        console.log(JSON.stringify({ url: h.url, openUrl: h.openUrl, token: h.token }));
        process.stdin.resume();
        await new Promise((resolve) => process.once('SIGTERM', resolve));
        await h.close();
        process.exit(0);
      `;
      const child = spawn(
        process.execPath,
        ['--import', guard, '--input-type=module', '-e', script],
        {
          cwd: repoRoot,
          env: { ...process.env, STANDALONE_NETWORK_LOG: log },
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      later(() => child.kill('SIGKILL'));
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString('utf8');
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
        });
        child.on('close', () => reject(new Error(`browser mode exited: ${stderr}`)));
      });
      const { url, openUrl, token } = JSON.parse(line) as {
        url: string;
        openUrl: string;
        token: string;
      };
      expect(new URL(url).hostname).toBe('127.0.0.1');
      // Calls from outside (this test) to browser mode, as the browser makes them.
      const callHarness = async (method: string, input: unknown) => {
        const response = await fetch(new URL('/api/call', url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-standalone-token': token },
          body: JSON.stringify({ method, input }),
        });
        return (await response.json()) as { ok: boolean };
      };
      expect(await callHarness('demo.load', {})).toMatchObject({ ok: true });
      expect(await callHarness('session.signIn', demoAdmin)).toMatchObject({ ok: true });
      expect(await callHarness('devices.list', { limit: 5 })).toMatchObject({ ok: true });
      expect((await fetch(openUrl, { redirect: 'manual' })).status).toBe(303);
      const closed = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGTERM');
      await closed;

      const seen = records(log);
      expect(seen.filter((r) => r.kind === 'attempt')).toEqual([]);
      const listens = seen.filter((r) => r.kind === 'listen');
      expect(listens.length).toBeGreaterThan(0);
      for (const l of listens) expect(l.target).toMatch(/(^| )127\.0\.0\.1( |$)/);
    },
    10 * minutes,
  );
});
