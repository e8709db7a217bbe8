import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { verifyRecords } from '../audit/replay-check';
import { pdftotext } from '../pdf/independent-tools';
import { testOrganisation, testPassphrase } from '../signing/test/test-identity';
import { call } from '../stations/test/stations-setup';
import { tableHash } from '../test/hostile/table-hash';
import { signInAs, testSecret } from '../test/temp-runtime';
import {
  answerScanRunning,
  exchangeThroughFolder,
  facilityForFile,
  importAnswerOf,
  slow,
  stationId,
} from './test/facility-setup';

/** NM-0003's case at the laptop, which hands it to the biomed workstation. */
let handed: number;
// Each station learns of the others from their bundles.
const f = facilityForFile({
  async prepare() {
    handed = laptop.caseOf('NM-0003');
    await laptop.api.value('cases.transition', { caseId: handed, target: 'assessing' });
    await answerScanRunning(laptop, handed, false);
  },
});
const laptop = f.floor('NM laptop 2');
const biomed = f.floor('Biomed workstation');

describe('handing a case to another station', () => {
  it(
    'is refused, changing nothing, for this station itself or a station not known here',
    slow,
    async () => {
      const db = laptop.rt.services.db;
      const before = tableHash(db);
      const self = await laptop.api.error('cases.transfer', {
        caseId: handed,
        stationId: stationId(laptop),
      });
      expect(self.message).toContain('is held at this station already');
      const stranger = await laptop.api.error('cases.transfer', {
        caseId: handed,
        stationId: '00000000-0000-4000-8000-000000000000',
      });
      expect(stranger).toMatchObject({ code: 'not_found', details: { field: 'stationId' } });
      expect(tableHash(db)).toBe(before);
    },
  );

  it(
    'leaves the case read-only at the station that gave it, saying where it is worked',
    slow,
    async () => {
      const detail = await laptop.api.value('cases.transfer', {
        caseId: handed,
        stationId: stationId(biomed),
        reason: 'The biomed team takes the camera over',
        signoff: { secret: testSecret },
      });
      expect(detail.transferredTo).toEqual({
        stationId: stationId(biomed),
        name: 'Biomed workstation',
      });
      // The laptop's history says so: to which station, by whom, why.
      expect(detail.history.at(-1)).toMatchObject({
        event: 'handed_over',
        toState: 'assessing',
        by: { role: 'incident_commander', name: expect.any(String) },
        detail: {
          station: 'Biomed workstation',
          stationId: stationId(biomed),
          reason: 'The biomed team takes the camera over',
        },
      });
      expect(detail.history.at(-1)?.detail.back).toBeUndefined();
      const db = laptop.rt.services.db;
      const event = db
        .prepare("SELECT body FROM audit_events WHERE body LIKE '%case.transferred%'")
        .pluck()
        .get() as string;
      expect(JSON.parse(event)).toMatchObject({
        action: 'case.transferred',
        entityId: String(handed),
        payload: {
          toStationName: 'Biomed workstation',
          reason: 'The biomed team takes the camera over',
        },
      });
      const before = tableHash(db);
      const refused = await laptop.api.error('cases.answer', {
        caseId: handed,
        sectionId: 'patient_safety_gate',
        itemId: 'acquisition_running',
        value: true,
      });
      expect(refused).toMatchObject({ code: 'conflict', details: { reason: 'case_transferred' } });
      expect(refused.message).toBe(
        'The case of NM-0003 was handed to the station "Biomed workstation": it is worked there now and can no longer change here.',
      );
      const again = await laptop.api.error('cases.transfer', {
        caseId: handed,
        stationId: stationId(f.post),
        signoff: { secret: testSecret },
      });
      expect(again.details).toMatchObject({ reason: 'case_transferred' });
      expect(tableHash(db)).toBe(before);
    },
  );

  it(
    'makes the receiving station its writer on import, each entry naming where it was made',
    slow,
    async () => {
      await exchangeThroughFolder(f);
      const received = biomed.rt.services.db
        .prepare(
          'SELECT id, state, transferred_from_case FROM cases WHERE transferred_from_station = ?',
        )
        .all(stationId(laptop));
      expect(received).toEqual([
        { id: expect.any(Number), state: 'assessing', transferred_from_case: handed },
      ]);
      const caseId = (received[0] as { id: number }).id;
      const detail = await biomed.api.value('cases.get', { caseId });
      expect(detail.device.assetTag).toBe('NM-0003');
      const answer = detail.template.sections
        .flatMap((s) => s.items)
        .find((i) => i.id === 'acquisition_running')?.answer;
      expect(answer).toMatchObject({ value: false, by: { station: 'NM laptop 2' } });
      expect(answer?.by.name).not.toBeNull();
      // The laptop's entries, its hand-over among them, then this station's taking it over.
      expect(detail.history.map((h) => [h.event, h.toState, h.station])).toEqual([
        ['opened', 'at_risk', 'NM laptop 2'],
        ['transition', 'assessing', 'NM laptop 2'],
        ['handed_over', 'assessing', 'NM laptop 2'],
        ['taken_over', 'assessing', 'Biomed workstation'],
      ]);
      expect(detail.history[2]?.detail).toMatchObject({ station: 'Biomed workstation' });
      expect(detail.history[2]?.by.name).not.toBeNull();
      expect(detail.history[3]).toMatchObject({
        by: { userId: null, role: 'system' },
        detail: { station: 'NM laptop 2', stationId: stationId(laptop) },
      });
      expect(verifyRecords(biomed.rt.services.db).ok).toBe(true);
      // Importing the same bundles again opens nothing more.
      await exchangeThroughFolder(f, [biomed]);
      expect(
        biomed.rt.services.db
          .prepare('SELECT count(*) FROM cases WHERE transferred_from_station IS NOT NULL')
          .pluck()
          .get(),
      ).toBe(1);
      // Worked there now.
      const after = await biomed.api.value('cases.answer', {
        caseId,
        sectionId: 'patient_safety_gate',
        itemId: 'acquisition_running',
        value: true,
      });
      const own = after.template.sections
        .flatMap((s) => s.items)
        .find((i) => i.id === 'acquisition_running')?.answer;
      expect(own).toMatchObject({ value: true });
      expect(own?.by.station).toBeUndefined();
    },
  );

  it('shows the new holder on the command post’s board, once, with no conflict', slow, async () => {
    await exchangeThroughFolder(f);
    const board = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
    expect(board.rows.map((r) => [r.assetTag, r.station?.name])).toEqual([
      ['NM-0001', 'Command post'],
      ['NM-0003', 'Biomed workstation'],
      ['NM-0005', 'Biomed workstation'],
      ['NM-0007', 'NM laptop 2'],
    ]);
    expect(board.totalCases).toBe(4);
    expect(board.conflicts).toEqual([]);
    const hics251 = await f.post.api.value('reports.hics251', { incidentId: f.post.incidentId });
    expect(hics251.rows.filter((r) => r.assetTag === 'NM-0003').map((r) => r.station)).toEqual([
      'Biomed workstation',
    ]);
  });

  it(
    'the PDFs name the stations: the case PDF each entry made elsewhere, HICS 251 each case, HICS 214 each person',
    slow,
    async () => {
      const text = (base64: string, name: string) => {
        const file = path.join(f.folder, name);
        fs.writeFileSync(file, Buffer.from(base64, 'base64'));
        return pdftotext(file).replace(/\s+/g, ' ');
      };
      await signInAs(biomed.rt, 'admin');
      await call(biomed.rt, 'signing.generate', {
        organisation: testOrganisation,
        passphrase: testPassphrase,
      });
      await signInAs(biomed.rt, 'incident_commander');
      await call(biomed.rt, 'signing.unlock', { passphrase: testPassphrase });
      const caseId = biomed.rt.services.db
        .prepare('SELECT id FROM cases WHERE transferred_from_station IS NOT NULL')
        .pluck()
        .get() as number;
      const casePdf = await biomed.api.value('exports.casePdf', { caseId });
      const caseText = text(casePdf.base64, 'handed-case.pdf');
      // The station column of the two history entries made at the laptop.
      expect(caseText.match(/NM laptop 2/g)?.length).toBeGreaterThanOrEqual(2);
      expect(caseText).toContain('Handed to “Biomed workstation”');
      expect(caseText).toContain('Taken over from “NM laptop 2”');
      const german = await biomed.api.value('exports.casePdf', { caseId, language: 'de' });
      expect(text(german.base64, 'handed-case-de.pdf')).toContain('Von „NM laptop 2“ übernommen');

      await call(f.post.rt, 'signing.unlock', { passphrase: testPassphrase });
      const hics251 = await f.post.api.value('exports.incidentPdf', {
        incidentId: f.post.incidentId,
        report: 'hics251',
      });
      const h251 = text(hics251.base64, 'hics251.pdf');
      expect(h251).toContain('held at the station Biomed workstation');
      expect(h251).toContain('held at the station NM laptop 2');
      const hics214 = await f.post.api.value('exports.incidentPdf', {
        incidentId: f.post.incidentId,
        report: 'hics214',
        language: 'de',
      });
      expect(text(hics214.base64, 'hics214.pdf')).toContain('an der Station NM laptop 2');
    },
  );

  it(
    'counts another station’s overdue re-check in the command post’s attention list',
    slow,
    async () => {
      // The received case's gate is blocked (a scan running): the biomed workstation defers it.
      const caseId = biomed.rt.services.db
        .prepare('SELECT id FROM cases WHERE transferred_from_station IS NOT NULL')
        .pluck()
        .get() as number;
      const recheckAt = new Date(biomed.rt.clock.now().getTime() + 5 * 60_000).toISOString();
      await signInAs(biomed.rt, 'incident_commander');
      await biomed.api.value('cases.transition', { caseId, target: 'deferred', recheckAt });
      await exchangeThroughFolder(f, [biomed, f.post]);
      const attention = async () =>
        (await f.post.api.value('board.get', { incidentId: f.post.incidentId, limit: 1 }))
          .attention;
      expect((await attention()).recheck_overdue.count).toBe(0);
      const heardAt = f.post.rt.clock.now().toISOString();
      f.post.rt.clock.advance(10 * 60_000);
      await signInAs(f.post.rt, 'incident_commander');
      const overdue = (await attention()).recheck_overdue;
      expect(overdue.count).toBe(1);
      expect(overdue.cases).toEqual([
        expect.objectContaining({
          assetTag: 'NM-0003',
          station: { id: stationId(biomed), name: 'Biomed workstation' },
          recheckAt,
        }),
      ]);
      f.post.rt.clock.set(heardAt);
      await signInAs(f.post.rt, 'incident_commander');
    },
  );

  // Last: the laptop's chain keeps the event, so it exchanges no more.
  it(
    'refuses a later event of the station that gave the case, changing nothing',
    slow,
    async () => {
      const { outcomes, before, after } = await importAnswerOf(
        f,
        laptop,
        handed,
        { sectionId: 'patient_safety_gate', itemId: 'acquisition_running' },
        'handed-on',
      );
      expect(outcomes).toMatchObject([{ status: 'refused', step: 'content' }]);
      expect(outcomes[0]?.reason).toMatch(
        new RegExp(`NM laptop 2.*is about case ${handed}, which that station does not hold`),
      );
      expect(after).toBe(before);
    },
  );
});
