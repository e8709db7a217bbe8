import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleExport, BundleImportOutcome } from '../../api/domains/exchange';
import { canonicalJson, sha256Hex } from '../audit/hash';
import { call, enrol, startCommandPost, startFloorStation } from '../stations/test/stations-setup';
import { stationKeyFile } from '../stations/station-key';
import { selfRow } from '../stations/station-store';
import { tableHash } from '../test/hostile/table-hash';
import { signInAs, tempDir, type TestRuntime } from '../test/temp-runtime';
import { bundleFormat } from './bundle-format';
import { openEnvelope, signBundle } from './cms';

const slow = { timeout: 300_000 };
let post: TestRuntime;
let floor: TestRuntime;
let folder: ReturnType<typeof tempDir>;
let first: BundleExport;

beforeAll(async () => {
  post = await startCommandPost();
  floor = await startFloorStation('NM laptop 2');
  await enrol(post, floor);
  folder = tempDir('standalone-exchange-folder-');
  first = await call(floor, 'exchange.export', { outDir: folder.dir });
}, 300_000);
afterAll(() => {
  post.cleanup();
  floor.cleanup();
  folder.cleanup();
});

async function importFiles(rt: TestRuntime, ...files: string[]): Promise<BundleImportOutcome[]> {
  return (await call(rt, 'exchange.import', { files })).outcomes;
}

function openssl(args: string[], cwd: string) {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  return { code: r.status, output: r.stdout + r.stderr };
}

function copyWith(file: string, name: string, change: (bytes: Buffer) => Buffer): string {
  const target = path.join(folder.dir, name);
  fs.writeFileSync(target, change(fs.readFileSync(file)));
  return target;
}

/** Every event line of a bundle rewritten, the chain re-hashed end to end, and signed again. */
function rewrittenHistory(
  rt: TestRuntime,
  file: string,
  edit: (event: Record<string, unknown>) => void,
): Buffer {
  const envelope = openEnvelope(fs.readFileSync(file));
  const [headerLine, ...lines] = envelope.payload.toString('utf8').trimEnd().split('\n');
  const header = JSON.parse(headerLine ?? '') as {
    from: { hash: string };
    head: { id: number; hash: string };
  };
  let prevHash = header.from.hash;
  const out: string[] = [];
  lines.forEach((line, i) => {
    const { event } = JSON.parse(line) as { event: Record<string, unknown> };
    if (i === 1) edit(event);
    event.prevHash = prevHash;
    const body = canonicalJson(event);
    prevHash = sha256Hex(body);
    out.push(`{"event":${body},"hash":"${prevHash}"}`);
  });
  header.head = { id: header.head.id, hash: prevHash };
  const payload = Buffer.from([JSON.stringify(header), ...out].join('\n') + '\n');
  const self = selfRow(rt.services.db);
  if (!self?.certificate_der) throw new Error('not enrolled');
  const key = crypto.createPrivateKey(fs.readFileSync(stationKeyFile(rt.dir), 'utf8'));
  return signBundle(payload, { certificateDer: self.certificate_der, privateKey: key }, new Date());
}

describe('bundles', () => {
  it('writes one file whose payload is JSON Lines readable without the app', () => {
    expect(fs.readdirSync(folder.dir)).toEqual([path.basename(first.file)]);
    const payload = openEnvelope(fs.readFileSync(first.file)).payload.toString('utf8');
    const [header, ...events] = payload
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(header).toMatchObject({ format: bundleFormat, version: 1, events: events.length });
    expect(events.length).toBe(first.events);
    expect(events.map((e) => (e.event as { action: string }).action)).toContain('station.accepted');
  });

  it(
    'openssl cms -verify accepts it against the station authority and rejects a flipped byte',
    slow,
    async () => {
      const authority = await call(floor, 'stations.authorityCertificate', {});
      fs.writeFileSync(path.join(folder.dir, 'authority.pem'), authority.pem);
      const verify = (file: string) =>
        openssl(
          [
            'cms',
            '-verify',
            '-binary',
            '-inform',
            'DER',
            '-in',
            file,
            '-CAfile',
            'authority.pem',
            '-out',
            'content.jsonl',
          ],
          folder.dir,
        );
      const ok = verify(first.file);
      expect(ok.output).toContain('Verification successful');
      expect(ok.code).toBe(0);
      // What OpenSSL extracts is the payload itself.
      expect(fs.readFileSync(path.join(folder.dir, 'content.jsonl'))).toEqual(
        openEnvelope(fs.readFileSync(first.file)).payload,
      );
      const flipped = copyWith(first.file, 'flipped.bin', (b) => {
        const c = Buffer.from(b);
        const at = Math.floor(c.length / 2);
        c[at] = (c[at] as number) ^ 0x01;
        return c;
      });
      const bad = verify(flipped);
      expect(bad.code).not.toBe(0);
      expect(bad.output).toMatch(/Verification failure|digest failure|error/i);
      fs.rmSync(flipped);
      fs.rmSync(path.join(folder.dir, 'authority.pem'));
      fs.rmSync(path.join(folder.dir, 'content.jsonl'), { force: true });
    },
  );

  it('imports at the command post once; the same bundle again changes nothing', slow, async () => {
    const [applied] = await importFiles(post, first.file);
    expect(applied).toMatchObject({
      status: 'applied',
      stationName: 'NM laptop 2',
      applied: first.events,
    });
    const before = tableHash(post.services.db);
    const [again] = await importFiles(post, first.file);
    expect(again).toMatchObject({ status: 'already_had', stationName: 'NM laptop 2' });
    expect(tableHash(post.services.db)).toBe(before);
    const stations = await call(post, 'stations.list', {});
    expect(stations.find((s) => s.name === 'NM laptop 2')).toMatchObject({
      headId: first.headId,
      lastHeardFrom: post.clock.now().toISOString(),
    });
  });

  it('exchange verify re-checks every station kept here and names a rewritten copy', async () => {
    const ok = await call(post, 'exchange.verify', {});
    expect(ok).toMatchObject({ ok: true, stations: [{ name: 'NM laptop 2', ok: true }] });
    const db = post.services.db;
    const row = db
      .prepare<[], { station_id: string; body: string }>(
        'SELECT station_id, body FROM station_events WHERE id = 2',
      )
      .get();
    if (!row) throw new Error('no event 2');
    const update = db.prepare('UPDATE station_events SET body = ? WHERE station_id = ? AND id = 2');
    update.run(row.body.replace('"time":"', '"time":"1'), row.station_id);
    const broken = await call(post, 'exchange.verify', {});
    expect(broken.ok).toBe(false);
    expect(broken.stations[0]).toMatchObject({
      name: 'NM laptop 2',
      problem: 'event 2 does not match its hash',
    });
    update.run(row.body, row.station_id);
  });

  it('refuses hostile bundles by name and leaves the database unchanged', slow, async () => {
    const before = tableHash(post.services.db);
    const refusedBy = async (file: string) => {
      const [r] = await importFiles(post, file);
      expect(tableHash(post.services.db), `${path.basename(file)} changed the database`).toBe(
        before,
      );
      return r;
    };
    const flipped = copyWith(first.file, 'flipped.p7m', (b) => {
      const c = Buffer.from(b);
      const at = Math.floor(c.length / 2);
      c[at] = (c[at] as number) ^ 0x20;
      return c;
    });
    expect(await refusedBy(flipped)).toMatchObject({ status: 'refused', step: 'signature' });
    expect((await refusedBy(flipped))?.reason).toContain('NM laptop 2');

    const truncated = copyWith(first.file, 'truncated.p7m', (b) => b.subarray(0, b.length - 100));
    expect(await refusedBy(truncated)).toMatchObject({ status: 'refused', step: 'envelope' });
    expect((await refusedBy(truncated))?.reason).toContain('truncated');

    const notBundle = copyWith(first.file, 'notes.txt', () => Buffer.from('hello\n'));
    expect(await refusedBy(notBundle)).toMatchObject({ status: 'not_a_bundle' });

    const rewritten = path.join(folder.dir, 'rewritten.p7m');
    fs.writeFileSync(
      rewritten,
      rewrittenHistory(floor, first.file, (e) => {
        e.time = '2026-11-28T07:00:00.000Z';
      }),
    );
    const fork = await refusedBy(rewritten);
    expect(fork).toMatchObject({ status: 'refused', step: 'extends' });
    expect(fork?.reason).toMatch(/NM laptop 2.*rewritten: event 2 differs/);

    // A station of another facility: its certificate does not chain to this authority.
    const otherPost = await startCommandPost('Another Hospital', 'Their command post');
    const otherFloor = await startFloorStation('Their laptop');
    try {
      await enrol(otherPost, otherFloor);
      const theirs = await call(otherFloor, 'exchange.export', {
        outDir: folder.dir,
      });
      const foreign = await refusedBy(theirs.file);
      expect(foreign).toMatchObject({ status: 'refused', step: 'certificate' });
      expect(foreign?.reason).toContain('not issued by this facility');
      fs.rmSync(theirs.file);
    } finally {
      otherPost.cleanup();
      otherFloor.cleanup();
    }

    // 200 random mutations: each refused (or not a bundle), none changes anything.
    const original = fs.readFileSync(first.file);
    const mutated = path.join(folder.dir, 'mutated.p7m');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            kind: fc.constant('flip' as const),
            at: fc.nat(original.length - 1),
            bit: fc.integer({ min: 0, max: 7 }),
          }),
          fc.record({ kind: fc.constant('cut' as const), at: fc.nat(original.length - 1) }),
          fc.record({
            kind: fc.constant('insert' as const),
            at: fc.nat(original.length - 1),
            byte: fc.nat(255),
          }),
        ),
        async (m) => {
          const c = Buffer.from(original);
          const bytes =
            m.kind === 'flip'
              ? (c.writeUInt8((c[m.at] as number) ^ (1 << m.bit), m.at), c)
              : m.kind === 'cut'
                ? c.subarray(0, m.at)
                : Buffer.concat([c.subarray(0, m.at), Buffer.from([m.byte]), c.subarray(m.at)]);
          fs.writeFileSync(mutated, bytes);
          const [r] = await importFiles(post, mutated);
          expect(['refused', 'not_a_bundle', 'already_had']).toContain(r?.status);
          expect(tableHash(post.services.db)).toBe(before);
        },
      ),
      { numRuns: 200 },
    );
    for (const f of [flipped, truncated, notBundle, rewritten, mutated]) fs.rmSync(f);
  });

  it(
    'holds a bundle that starts after a gap, names the gap, and applies it when the gap is filled',
    slow,
    async () => {
      // The floor learns (from the command post's bundle) how far the command post has its chain.
      const fromPost = await call(post, 'exchange.export', { outDir: folder.dir });
      const [atFloor] = await importFiles(floor, fromPost.file);
      expect(atFloor).toMatchObject({ status: 'applied', stationName: 'Command post' });
      // New work at the floor: a user created and signed in (audited events).
      await signInAs(floor, 'biomed');
      const second = await call(floor, 'exchange.export', { outDir: folder.dir });
      expect(second.fromId).toBe(first.headId);
      expect(second.events).toBeGreaterThan(0);

      // A station that never had the first bundle holds the second.
      const third = await startFloorStation('Biomed workstation');
      try {
        await enrol(post, third);
        const [held] = await importFiles(third, second.file);
        expect(held).toMatchObject({ status: 'held', stationName: 'NM laptop 2' });
        expect(held?.reason).toContain(`events 1–${first.headId} are missing`);
        const outcomes = await importFiles(third, first.file);
        expect(
          outcomes.map((o) => [path.basename(o.file) === path.basename(first.file), o.status]),
        ).toEqual([
          [true, 'applied'],
          [false, 'applied'],
        ]);
        const known = await call(third, 'stations.list', {});
        expect(known.find((s) => s.name === 'NM laptop 2')?.headId).toBe(second.headId);
      } finally {
        third.cleanup();
      }
    },
  );

  it(
    'a revocation travels in the command post’s bundle; the revoked station is refused',
    slow,
    async () => {
      const floorId = selfRow(floor.services.db)?.station_id ?? '';
      const witness = await startFloorStation('Witness laptop');
      try {
        await enrol(post, witness);
        await call(post, 'signing.unlock', { passphrase: 'correct horse battery staple' });
        await call(post, 'stations.revoke', { stationId: floorId });
        const fromPost = await call(post, 'exchange.export', { outDir: folder.dir });
        await importFiles(witness, fromPost.file);
        const seen = await call(witness, 'stations.list', {});
        expect(seen.find((s) => s.stationId === floorId)).toMatchObject({ revoked: true });
        const late = await call(floor, 'exchange.export', { outDir: folder.dir });
        for (const receiver of [post, witness]) {
          const before = tableHash(receiver.services.db);
          const [r] = await importFiles(receiver, late.file);
          expect(r).toMatchObject({ status: 'refused', step: 'certificate' });
          expect(r?.reason).toContain('NM laptop 2');
          expect(r?.reason).toContain('revoked');
          expect(tableHash(receiver.services.db)).toBe(before);
        }
      } finally {
        witness.cleanup();
      }
    },
  );
});
