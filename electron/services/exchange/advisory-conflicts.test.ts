import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeStatus } from '../../api/domains/exchange';
import { canonicalJson, sha256Hex } from '../audit/hash';
import { call } from '../stations/test/stations-setup';
import { csafFixturesDir, type TestRuntime } from '../test/temp-runtime';
import { slow } from './test/facility-setup';
import { startPostAndLaptop, type PostAndLaptop } from './test/post-and-laptop';

/**
 * The command post imported ICSMA-18-037-02 as an edited file (its title changed: a re-published
 * document under the same tracking ID and version) and ICSMA-19-080-01 as published; the laptop
 * imported both as published. After the laptop's bundles, the command post lists the edited one
 * as a conflict naming both stations and both digests, keeps its own document, and lists nothing
 * for the identical one (nor for ICSMA-17-215-02, which the laptop's bundle carried and it stored).
 */

const operator = { kind: 'operator', osUser: 'test' } as const;
const fixture = (name: string) => fs.readFileSync(path.join(csafFixturesDir, name), 'utf8');
const edited = (() => {
  const doc = JSON.parse(fixture('icsma-18-037-02.json')) as { document: { title: string } };
  doc.document.title = `${doc.document.title} (re-published)`;
  return JSON.stringify(doc, null, 2);
})();
const digest = (text: string) => sha256Hex(canonicalJson(JSON.parse(text))).slice(0, 12);
const importAt = (rt: TestRuntime, fileName: string, content: string) =>
  rt.client(operator).value('advisories.import', { fileName, content });

let f: PostAndLaptop;
let status: ExchangeStatus;
beforeAll(async () => {
  f = await startPostAndLaptop(async (post) => {
    await importAt(post, 'icsma-18-037-02-edited.json', edited);
    await importAt(post, 'icsma-19-080-01.json', fixture('icsma-19-080-01.json'));
  });
  for (const name of ['icsma-18-037-02.json', 'icsma-19-080-01.json']) {
    const result = await importAt(f.laptop.rt, name, fixture(name));
    expect(result.outcome).toBe('imported');
  }
  const dir = path.join(f.folder.dir, 'second');
  fs.mkdirSync(dir);
  const second = await call(f.laptop.rt, 'exchange.export', { outDir: dir });
  const { outcomes } = await call(f.post, 'exchange.import', {
    files: [f.bundle.file, second.file],
  });
  expect(outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
  status = await call(f.post, 'exchange.status', {});
}, 300_000);
afterAll(() => f.cleanup());

describe('advisory conflicts in the exchange status', () => {
  it(
    'names a differing document under one tracking ID and version, with both stations',
    slow,
    () => {
      const laptopId = status.stations.find((s) => s.name === 'NM laptop 2')?.stationId;
      expect(laptopId).toBeTruthy();
      expect(status.advisoryConflicts).toEqual([
        {
          trackingId: 'ICSMA-18-037-02',
          version: expect.any(String) as string,
          title: expect.stringContaining('(re-published)') as string,
          here: {
            stationId: expect.any(String) as string,
            stationName: 'Command post',
            fileName: 'icsma-18-037-02-edited.json',
            digest: digest(edited),
          },
          elsewhere: [
            {
              stationId: laptopId,
              stationName: 'NM laptop 2',
              fileName: 'icsma-18-037-02.json',
              digest: digest(fixture('icsma-18-037-02.json')),
            },
          ],
        },
      ]);
      const [conflict] = status.advisoryConflicts;
      expect(conflict?.version).toBe(
        (JSON.parse(edited) as { document: { tracking: { version: string } } }).document.tracking
          .version,
      );
      expect(conflict?.here.digest).not.toBe(conflict?.elsewhere[0]?.digest);
      // The identical document is there too, received from the laptop: the same, so no conflict.
      const received = f.post.services.db
        .prepare<[string], string>(
          `SELECT a.tracking_id FROM station_advisories a
           JOIN station_advisory_revisions r ON r.station_id = a.station_id AND r.advisory_id = a.id
          WHERE a.station_id = ? ORDER BY a.tracking_id`,
        )
        .pluck()
        .all(laptopId ?? '');
      expect(received).toEqual(expect.arrayContaining(['ICSMA-18-037-02', 'ICSMA-19-080-01']));
    },
  );

  it('keeps the document stored here', slow, async () => {
    const list = await f.post.client().value('advisories.list', {});
    const here = list.find((a) => a.trackingId === 'ICSMA-18-037-02');
    expect(here?.title).toContain('(re-published)');
    expect(here?.revisionCount).toBe(1);
  });

  it(
    'names the same conflict at the laptop once the command post’s bundle arrives',
    slow,
    async () => {
      expect((await call(f.laptop.rt, 'exchange.status', {})).advisoryConflicts).toEqual([]);
      const dir = path.join(f.folder.dir, 'from-post');
      fs.mkdirSync(dir);
      const back = await call(f.post, 'exchange.export', { outDir: dir });
      const { outcomes } = await call(f.laptop.rt, 'exchange.import', { files: [back.file] });
      expect(outcomes.map((o) => o.status)).toEqual(['applied']);
      const atLaptop = await call(f.laptop.rt, 'exchange.status', {});
      expect(
        atLaptop.advisoryConflicts.map((c) => [
          c.trackingId,
          c.here.stationName,
          c.here.digest,
          c.elsewhere.map((e) => [e.stationName, e.digest]),
        ]),
      ).toEqual([
        [
          'ICSMA-18-037-02',
          'NM laptop 2',
          digest(fixture('icsma-18-037-02.json')),
          [['Command post', digest(edited)]],
        ],
      ]);
    },
  );
});
