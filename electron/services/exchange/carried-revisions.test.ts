import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorWordsIn } from '../../api/error-words';
import { systemActor } from '../audit/append';
import { verifyRecords } from '../audit/replay-check';
import { storeAdvisory } from '../advisories/csaf-import';
import type { CsafDocument } from '../advisories/csaf-types';
import { testNow } from '../cases/test/case-test-setup';
import { call } from '../stations/test/stations-setup';
import { bundledAdvisoryRevisionTwo } from '../test/advisory-revision';
import { tableHash } from '../test/hostile/table-hash';
import { signInAs } from '../test/temp-runtime';
import { slow } from './test/facility-setup';
import { startPostAndLaptop, type PostAndLaptop } from './test/post-and-laptop';

/**
 * The command post already holds revision 2 of ICSMA-17-215-02 (which carries no CVSS scores);
 * the laptop's cases work on revision 1, which its bundle carries. The command post keeps
 * revision 1 beside its current revision 2, so it ranks the laptop's cases by the revision they
 * work on, as the laptop does. A carried document that is not valid CSAF 2.0 is refused before
 * anything is stored, naming the advisory, its file and what is wrong with it.
 */

const trackingId = 'ICSMA-17-215-02';
const operator = { kind: 'operator', osUser: 'test' } as const;
/** The command post holds revision 2 (without scores) before the laptop's bundle arrives. */
let f: PostAndLaptop;
beforeAll(async () => {
  f = await startPostAndLaptop(async (post) => {
    const revised = await post.client(operator).value('advisories.import', {
      fileName: 'icsma-17-215-02.v2.json',
      content: bundledAdvisoryRevisionTwo('Scores withdrawn pending the vendor’s analysis.', {
        withoutScores: true,
      }),
    });
    expect(revised).toMatchObject({ outcome: 'imported', version: '2' });
  });
}, 300_000);
afterAll(() => f.cleanup());

const advisoryAtPost = async () => {
  const list = (await f.post.client().value('advisories.list', {})) as {
    id: number;
    trackingId: string;
  }[];
  const found = list.find((a) => a.trackingId === trackingId);
  if (!found) throw new Error(`${trackingId} is not at the command post`);
  return f.post.client().value('advisories.get', { id: found.id });
};

describe('an older revision a bundle carries', () => {
  it('is kept beside the current revision, audited, naming the station', slow, async () => {
    const { outcomes } = await call(f.post, 'exchange.import', { files: [f.bundle.file] });
    expect(outcomes).toMatchObject([{ status: 'applied', reason: null }]);
    const advisory = await advisoryAtPost();
    expect(advisory.version).toBe('2');
    expect(advisory.revisions.map((r) => [r.version, r.current])).toEqual([
      ['2', true],
      ['1', false],
    ]);
    const kept = f.post.services.db
      .prepare(
        `SELECT body ->> '$.payload.version' AS version,
                body ->> '$.payload.currentVersion' AS currentVersion,
                body ->> '$.payload.carriedBy.name' AS station
           FROM audit_events WHERE body ->> '$.action' = 'advisory.revision_kept'`,
      )
      .all();
    expect(kept).toEqual([{ version: '1', currentVersion: '2', station: 'NM laptop 2' }]);
    expect(verifyRecords(f.post.services.db).ok).toBe(true);

    const again = tableHash(f.post.services.db);
    const second = await call(f.post, 'exchange.import', { files: [f.bundle.file] });
    expect(second.outcomes[0]?.status).toBe('already_had');
    expect(tableHash(f.post.services.db)).toBe(again);
  });

  it('ranks the laptop’s cases at the command post as the laptop ranks them', slow, async () => {
    const advisory = await advisoryAtPost();
    const commander = await signInAs(f.post, 'incident_commander');
    const { incident } = await f.post.client().value('incidents.create', {
      name: 'Facility response',
      commanderUserId: commander.id,
      operationalPeriod: { start: testNow, end: '2017-08-03T21:00:00.000Z' },
      advisoryIds: [advisory.id],
    });
    const board = await f.post.client().value('board.get', { incidentId: incident.id });
    const own = await f.laptop.api.value('board.get', { incidentId: f.laptop.incidentId });
    for (const tag of ['NM-0003', 'NM-0007']) {
      const there = own.rows.find((r) => r.assetTag === tag)?.priority;
      const here = board.rows.find((r) => r.assetTag === tag);
      expect(here?.station?.name).toBe('NM laptop 2');
      expect(there).toBeTruthy();
      expect(here?.priority).toEqual(there);
      // Revision 1's CVSS scores count, which revision 2 (current here) does not carry.
      expect(here?.priority?.reasons.map((r) => r.code)).toContain('cvss');
    }
  });
});

describe('a carried document that is not valid CSAF 2.0', () => {
  it('refuses the whole bundle by name, changing nothing', slow, async () => {
    // A station whose build did not validate stored it, so its signed events carry its digest.
    const doc = JSON.parse(bundledAdvisoryRevisionTwo('A note for the test.')) as CsafDocument & {
      document: { tracking: { id: string }; x_comment?: string };
    };
    doc.document.tracking.id = 'TEST-NOT-CSAF-1';
    doc.document.x_comment = 'A field CSAF does not define.';
    const text = JSON.stringify(doc, null, 2);
    storeAdvisory(
      { services: f.laptop.rt.services, actor: systemActor },
      { doc, text, fileName: 'not-csaf.json', sha256: 'a'.repeat(64) },
    );
    const dir = path.join(f.folder.dir, 'second');
    fs.mkdirSync(dir);
    const second = await call(f.laptop.rt, 'exchange.export', { outDir: dir });

    const before = tableHash(f.post.services.db);
    const { outcomes } = await call(f.post, 'exchange.import', { files: [second.file] });
    expect(outcomes).toMatchObject([
      { file: second.file, status: 'refused', step: 'content', applied: 0 },
    ]);
    const [refused] = outcomes;
    expect(refused?.words).toEqual({
      key: 'carriedAdvisoryInvalid',
      params: {
        trackingId: 'TEST-NOT-CSAF-1',
        version: '2',
        file: 'not-csaf.json',
        station: 'NM laptop 2',
      },
    });
    // The validator's words (the schema's path) are behind Details, not in the sentence.
    expect(refused?.technical).toBe('document: holds a field CSAF does not define here.');
    expect(refused?.reason).toBe(
      'The advisory document TEST-NOT-CSAF-1 version 2 (file "not-csaf.json") that station ' +
        '"NM laptop 2" carries is not a valid CSAF 2.0 document, so its bundle was not applied. ' +
        'Ask that station to check the advisory and send a new bundle (what is wrong with it is ' +
        'under Details). (document: holds a field CSAF does not define here.)',
    );
    const words = refused?.words;
    if (!words) throw new Error('no words');
    const german = errorWordsIn('de', words);
    expect(german).toBe(
      'Das Dokument des Sicherheitshinweises TEST-NOT-CSAF-1 Version 2 (Datei „not-csaf.json“), ' +
        'das die Station „NM laptop 2“ mitschickt, ist kein gültiges CSAF-2.0-Dokument; ihr ' +
        'Bündel wurde daher nicht übernommen. Bitten Sie diese Station, den Sicherheitshinweis zu ' +
        'prüfen und ein neues Bündel zu senden (was daran falsch ist, steht unter Details).',
    );
    expect(german).not.toContain('document:');
    expect(tableHash(f.post.services.db)).toBe(before);
  });
});
