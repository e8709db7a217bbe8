import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleExport } from '../../api/domains/exchange';
import { errorWordsIn } from '../../api/error-words';
import { verifyRecords } from '../audit/replay-check';
import { testNow } from '../cases/test/case-test-setup';
import { stationKeyFile } from '../stations/station-key';
import { selfRow } from '../stations/station-store';
import { call } from '../stations/test/stations-setup';
import { tableHash } from '../test/hostile/table-hash';
import { signInAs, type TestRuntime } from '../test/temp-runtime';
import { openEnvelope, signBundle } from './cms';
import { slow, type FacilityStation } from './test/facility-setup';
import { startPostAndLaptop, type PostAndLaptop } from './test/post-and-laptop';

/**
 * A command post that never imported ICSMA-17-215-02 receives it in the bundle of the floor
 * station whose case works it: stored as an import stores it (audited, naming the station), so
 * the floor's cases are ranked there as at the floor, and an incident can be opened for it. A
 * document that is not the one the station's events describe is refused by name, changing
 * nothing.
 */

const trackingId = 'ICSMA-17-215-02';
let post: TestRuntime;
let laptop: FacilityStation;
let folder: PostAndLaptop['folder'];
let bundle: BundleExport;
let cleanup = () => {};

beforeAll(async () => {
  ({ post, laptop, folder, bundle, cleanup } = await startPostAndLaptop());
}, 300_000);
afterAll(() => cleanup());

/** The payload's lines, the last one (the carried document) changed, signed again by the laptop. */
function withChangedDocument(file: string): Buffer {
  const lines = openEnvelope(fs.readFileSync(file)).payload.toString('utf8').trimEnd().split('\n');
  const last = JSON.parse(lines.at(-1) ?? '') as { advisory: { document: string } };
  const doc = JSON.parse(last.advisory.document) as { document: { title: string } };
  doc.document.title = 'A title changed on the way';
  last.advisory.document = JSON.stringify(doc, null, 2);
  lines[lines.length - 1] = JSON.stringify(last);
  const self = selfRow(laptop.rt.services.db);
  if (!self?.certificate_der) throw new Error('not enrolled');
  const key = crypto.createPrivateKey(fs.readFileSync(stationKeyFile(laptop.rt.dir), 'utf8'));
  const signer = { certificateDer: self.certificate_der, privateKey: key };
  return signBundle(Buffer.from(lines.join('\n') + '\n'), signer, laptop.rt.clock.now());
}

const advisoriesAt = (rt: TestRuntime) =>
  rt.client().value('advisories.list', {}) as Promise<{ id: number; trackingId: string }[]>;

describe('a bundle carries the advisory its cases work', () => {
  it('carries the document as imported at the station, after its events', () => {
    const payload = openEnvelope(fs.readFileSync(bundle.file)).payload.toString('utf8');
    const [header, ...rest] = payload.trimEnd().split('\n');
    expect(JSON.parse(header ?? '')).toMatchObject({ version: 2, events: bundle.events });
    const carried = rest
      .slice(bundle.events)
      .map(
        (l) => (JSON.parse(l) as { advisory: { trackingId: string; document: string } }).advisory,
      );
    expect(carried.map((c) => c.trackingId)).toContain(trackingId);
    const raw = laptop.rt.services.db
      .prepare(
        `SELECT r.raw FROM advisory_revisions r JOIN advisories a ON a.id = r.advisory_id
          WHERE a.tracking_id = ?`,
      )
      .pluck()
      .get(trackingId);
    expect(carried.find((c) => c.trackingId === trackingId)?.document).toBe(raw);
  });

  it(
    'is refused by name when its document does not match the digest its events carry, changing nothing',
    slow,
    async () => {
      const changed = path.join(folder.dir, 'changed-document.p7m');
      fs.writeFileSync(changed, withChangedDocument(bundle.file));
      const before = tableHash(post.services.db);
      const { outcomes } = await call(post, 'exchange.import', { files: [changed] });
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({ status: 'refused', step: 'content', applied: 0 });
      expect(outcomes[0]?.reason).toMatch(
        new RegExp(`${trackingId} version \\S+ does not match the digest .*"NM laptop 2"`),
      );
      const words = outcomes[0]?.words;
      expect(words).toEqual({
        key: 'carriedAdvisoryChanged',
        params: { trackingId, version: expect.any(String), station: 'NM laptop 2' },
      });
      if (!words) throw new Error('no words');
      expect(errorWordsIn('de', words)).toBe(
        `Das Dokument des Sicherheitshinweises ${trackingId} Version ${words.params.version} ` +
          'passt nicht zu dem Hashwert, den die Ereignisse der Station „NM laptop 2“ dafür ' +
          'enthalten: Das Dokument wurde verändert; das Bündel wurde daher nicht übernommen. ' +
          'Bitten Sie diese Station erneut um das Bündel.',
      );
      expect(tableHash(post.services.db)).toBe(before);
      expect(await advisoriesAt(post)).toEqual([]);
      fs.rmSync(changed);
    },
  );

  it(
    'is refused in catalogue words when the command post cannot store it, what SQLite said only behind Details',
    slow,
    async () => {
      // The command post's database refuses the advisory as a damaged one would.
      const db = post.services.db;
      const before = tableHash(db);
      db.exec(`CREATE TRIGGER damaged BEFORE INSERT ON advisories
                 BEGIN SELECT RAISE(ABORT, 'database disk image is malformed'); END`);
      const { outcomes } = await call(post, 'exchange.import', { files: [bundle.file] });
      db.exec('DROP TRIGGER damaged');
      expect(outcomes).toHaveLength(1);
      const [refused] = outcomes;
      expect(refused).toMatchObject({ status: 'refused', step: 'content', applied: 0 });
      // The first document the bundle carries (it carries ICSMA-17-215-01 and -02).
      expect(refused?.words).toEqual({
        key: 'carriedAdvisoryUnreadable',
        params: {
          trackingId: expect.stringMatching(/^ICSMA-17-215-0[12]$/),
          version: expect.any(String),
          station: 'NM laptop 2',
        },
      });
      const carried = refused?.words?.params.trackingId;
      expect(refused?.technical).toContain('database disk image is malformed');
      expect(refused?.reason).toMatch(
        new RegExp(`^The advisory document ${carried} version \\S+ that station "NM laptop 2"`),
      );
      // The English (the command line's) has what SQLite said after the sentence, not in it.
      expect(refused?.reason).toMatch(/under Details\)\. \(database disk image is malformed\)$/);
      const words = refused?.words;
      if (!words) throw new Error('no words');
      const german = errorWordsIn('de', words);
      expect(german).toContain(`Sicherheitshinweises ${carried} Version`);
      expect(german).toContain('„NM laptop 2“');
      expect(german).not.toContain('malformed');
      expect(tableHash(db)).toBe(before);
      expect(await advisoriesAt(post)).toEqual([]);
    },
  );

  it(
    'is stored at the command post that never imported it, audited, naming the station',
    slow,
    async () => {
      expect(await advisoriesAt(post)).toEqual([]);
      const { outcomes } = await call(post, 'exchange.import', { files: [bundle.file] });
      expect(outcomes).toMatchObject([{ status: 'applied', reason: null }]);
      const stored = (await advisoriesAt(post)).filter((a) => a.trackingId === trackingId);
      expect(stored).toHaveLength(1);
      const here = await post.client().value('advisories.get', { id: stored[0]?.id ?? 0 });
      const there = await laptop.api.value('advisories.get', { id: laptop.advisoryId });
      expect(here.version).toBe(there.version);
      expect(here.advisory).toEqual(there.advisory);
      const event = post.services.db
        .prepare(
          `SELECT body ->> '$.payload.carriedBy.name' FROM audit_events
            WHERE entity_type = 'advisory' AND body ->> '$.action' = 'advisory.imported'
              AND body ->> '$.payload.trackingId' = ?`,
        )
        .pluck()
        .all(trackingId);
      expect(event).toEqual(['NM laptop 2']);
      expect(verifyRecords(post.services.db).ok).toBe(true);

      // The same bundle again changes nothing.
      const again = tableHash(post.services.db);
      const second = await call(post, 'exchange.import', { files: [bundle.file] });
      expect(second.outcomes[0]?.status).toBe('already_had');
      expect(tableHash(post.services.db)).toBe(again);
    },
  );

  it(
    'lets the command post rank the laptop’s cases by the one rule, as the laptop does',
    slow,
    async () => {
      const [advisory] = (await advisoriesAt(post)).filter((a) => a.trackingId === trackingId);
      const commander = await signInAs(post, 'incident_commander');
      const { incident } = await post.client().value('incidents.create', {
        name: 'Facility response',
        commanderUserId: commander.id,
        operationalPeriod: { start: testNow, end: '2017-08-03T21:00:00.000Z' },
        advisoryIds: [advisory?.id ?? 0],
      });
      const board = await post.client().value('board.get', { incidentId: incident.id });
      const own = await laptop.api.value('board.get', { incidentId: laptop.incidentId });
      const priorityOf = (rows: typeof board.rows, tag: string) =>
        rows.find((r) => r.assetTag === tag)?.priority;
      expect(board.rows.map((r) => [r.assetTag, r.station?.name])).toEqual(
        expect.arrayContaining([
          ['NM-0003', 'NM laptop 2'],
          ['NM-0007', 'NM laptop 2'],
        ]),
      );
      for (const tag of ['NM-0003', 'NM-0007']) {
        expect(priorityOf(own.rows, tag)).not.toBeNull();
        expect(priorityOf(board.rows, tag)).toEqual(priorityOf(own.rows, tag));
      }
      // The advisory's CVEs count: the exposed NM-0007 ranks above NM-0003.
      expect(priorityOf(board.rows, 'NM-0007')?.value ?? 0).toBeGreaterThan(
        priorityOf(board.rows, 'NM-0003')?.value ?? Infinity,
      );
    },
  );

  it(
    'is not carried back: the command post’s bundle knows the laptop holds it, and the laptop changes nothing',
    slow,
    async () => {
      const back = await call(post, 'exchange.export', { outDir: folder.dir });
      const payload = openEnvelope(fs.readFileSync(back.file)).payload.toString('utf8');
      expect(JSON.parse(payload.split('\n')[0] ?? '')).toMatchObject({ version: 1 });
      const advisories = laptop.rt.services.db.prepare(
        "SELECT id, hash FROM audit_events WHERE entity_type = 'advisory' ORDER BY id",
      );
      const before = advisories.all();
      const { outcomes } = await call(laptop.rt, 'exchange.import', { files: [back.file] });
      expect(outcomes[0]?.status).toBe('applied');
      expect(advisories.all()).toEqual(before);
    },
  );
});
