import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { answerAll, signAs, testNow } from '../cases/test/case-test-setup';
import * as given from '../demo/walkthrough-answers';
import { signInAs } from '../test/temp-runtime';
import { ownHeadId } from './received-cases';
import {
  answerExposed,
  exchangeThroughFolder,
  facilityForFile,
  slow,
  type FacilityStation,
} from './test/facility-setup';

const f = facilityForFile({
  devices: { post: ['NM-0001'], floors: [['NM laptop 2', ['NM-0003']]] },
  exchange: false,
});
const floor = f.floor('NM laptop 2');

const lastEvent = (s: FacilityStation) =>
  s.rt.services.db
    .prepare<[], { entity_id: string; body: string }>(
      'SELECT entity_id, body FROM audit_events ORDER BY id DESC LIMIT 1',
    )
    .get();

const boardRow = async (assetTag: string) => {
  const board = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
  const row = board.rows.find((r) => r.assetTag === assetTag);
  return row && { station: row.station?.name, state: row.state, heldHere: row.heldHere };
};

describe('the shared folder', () => {
  it('is set as an audited setting, and must be a full path', slow, async () => {
    const refused = await floor.api.error('exchange.setFolder', { folder: 'usb/exchange' });
    expect(refused.message).toMatch(/exchange folder "usb\/exchange" is not an absolute path/);

    const status = await floor.api.value('exchange.setFolder', { folder: f.folder });
    expect(status.folder).toBe(f.folder);
    const event = lastEvent(floor);
    expect(event?.entity_id).toBe('exchange.folder');
    expect(JSON.parse(event?.body ?? '{}')).toMatchObject({
      action: 'settings.changed',
      payload: { before: { folder: null }, after: { folder: f.folder } },
    });
    // The first pass writes the station's bundle at once.
    expect(status.outbox).toHaveLength(1);
    expect(status.outbox[0]?.headId).toBe(status.ownHead);
    expect(fs.readdirSync(f.folder)).toEqual([status.outbox[0]?.fileName]);
  });

  it('brings a case worked on the floor to the command post’s board', slow, async () => {
    const atPost = await f.post.api.value('exchange.setFolder', { folder: f.folder });
    expect(atPost.inbox).toMatchObject([
      { outcome: { status: 'applied', stationName: 'NM laptop 2' } },
    ]);
    expect(await boardRow('NM-0003')).toEqual({
      station: 'NM laptop 2',
      state: 'at_risk',
      heldHere: false,
    });

    await floor.api.value('cases.transition', {
      caseId: floor.caseOf('NM-0003'),
      target: 'assessing',
    });
    // Debounced: the first pass after a change waits for the chain to be quiet, the next writes.
    const before = fs.readdirSync(f.folder);
    const waiting = await floor.api.value('exchange.syncFolder', {});
    expect(fs.readdirSync(f.folder)).toEqual(before);
    expect(waiting.outbox[0]?.headId).toBeLessThan(waiting.ownHead);
    const written = await floor.api.value('exchange.syncFolder', {});
    // The earlier bundle is covered by the new one and removed.
    expect(written.outbox).toHaveLength(1);
    expect(written.outbox[0]?.headId).toBe(written.ownHead);

    const received = await f.post.api.value('exchange.syncFolder', {});
    expect(await boardRow('NM-0003')).toMatchObject({ station: 'NM laptop 2', state: 'assessing' });
    expect(received.stations).toEqual([
      expect.objectContaining({
        name: 'NM laptop 2',
        lastHeardFrom: f.post.rt.clock.now().toISOString(),
        receivedUpTo: written.ownHead,
      }),
    ]);
  });

  it('passes acknowledgements back, so the floor learns what arrived', slow, async () => {
    // The post's chain is unchanged, but what it acknowledges moved: it writes once quiet.
    await f.post.api.value('exchange.syncFolder', {});
    const floorHead = (await floor.api.value('exchange.status', {})).ownHead;
    const atFloor = await floor.api.value('exchange.syncFolder', {});
    expect(atFloor.stations).toEqual([
      expect.objectContaining({ name: 'Command post', acknowledgedUpTo: floorHead }),
    ]);
  });

  it(
    'lists a refused bundle with its reason, and leaves the records as they were',
    slow,
    async () => {
      const [floorFile] = (await floor.api.value('exchange.status', {})).outbox;
      if (!floorFile) throw new Error('no bundle from the floor');
      const bytes = fs.readFileSync(path.join(f.folder, floorFile.fileName));
      const at = bytes.length - 300;
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      fs.writeFileSync(path.join(f.folder, 'changed-on-the-way.p7m'), bytes);
      const board = await boardRow('NM-0003');

      const status = await f.post.api.value('exchange.syncFolder', {});
      expect(status.refused).toEqual([
        expect.objectContaining({
          file: path.join(f.folder, 'changed-on-the-way.p7m'),
          status: 'refused',
          reason: expect.stringMatching(/.+/) as unknown,
        }),
      ]);
      expect(status.inbox.find((b) => b.fileName === 'changed-on-the-way.p7m')?.outcome).toEqual(
        status.refused[0],
      );
      expect(await boardRow('NM-0003')).toEqual(board);
      fs.rmSync(path.join(f.folder, 'changed-on-the-way.p7m'));
      expect((await f.post.api.value('exchange.status', {})).refused).toEqual([]);
    },
  );

  it('says when the folder is not there, and stops when it is cleared', slow, async () => {
    const gone = path.join(f.folder, 'unplugged');
    const status = await floor.api.value('exchange.setFolder', { folder: gone });
    expect(status.lastPass?.error).toMatch(/unplugged is not there \(is the drive connected\?\)/);
    // The reader words it in its own language from the catalogue's key.
    expect(status.lastPass?.words).toMatchObject({
      key: 'exchangeFolderMissing',
      params: { folder: gone },
    });
    const off = await floor.api.value('exchange.setFolder', { folder: null });
    expect(off).toMatchObject({ folder: null, inbox: [], outbox: [], lastPass: null });
  });
});

describe('the command post’s board, bundle after bundle', () => {
  it(
    'follows a second bundle without a restart: an import records no event here, but moves the sending station’s head, which its lists are kept by',
    slow,
    async () => {
      const now = new Date(testNow);
      const caseId = floor.caseOf('NM-0003');
      await answerExposed(floor, caseId);
      await answerAll(floor.api, caseId, 'patient_safety_gate', given.gateClear(now));
      await signInAs(floor.rt, 'biomed');
      await answerAll(floor.api, caseId, 'backup', given.backupDone(now, 'M. Keller'));
      await exchangeThroughFolder(f);
      const awaiting = async () => {
        const board = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
        return board.attention.awaiting_signoff.cases.map((c) => c.assetTag);
      };
      expect(await awaiting()).toEqual(['NM-0003']);
      const postHead = ownHeadId(f.post.rt.services.db);

      await signAs(floor, 'clinical_lead', caseId, 'patient_safety_clear');
      await signAs(floor, 'biomed', caseId, 'technical_readiness');
      await exchangeThroughFolder(f);
      // Nothing was recorded at the command post, and the test clock stands still: only the
      // floor's head moved.
      expect(ownHeadId(f.post.rt.services.db)).toBe(postHead);
      expect(await awaiting()).toEqual([]);
    },
  );
});
