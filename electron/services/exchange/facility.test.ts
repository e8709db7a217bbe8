import { describe, expect, it } from 'vitest';
import { signInAs } from '../test/temp-runtime';
import { answerScanRunning, facilityForFile, importAnswerOf, slow } from './test/facility-setup';

const f = facilityForFile({
  async prepare() {
    const laptop = f.floor('NM laptop 2');
    const caseId = laptop.caseOf('NM-0003');
    await laptop.api.value('cases.transition', { caseId, target: 'assessing' });
    // A scan running on the device: its patient-safety gate is blocked.
    await answerScanRunning(laptop, caseId, true);
  },
});

describe('the facility view at the command post', () => {
  it('keeps the floor stations’ records in the replica, not in its own tables', slow, () => {
    const db = f.post.rt.services.db;
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM cases')).toBe(1);
    expect(count('SELECT count(*) FROM station_cases')).toBe(3);
  });
});

describe('the command post’s board, HICS 251 and HICS 214', () => {
  it('shows every station’s cases with their station', slow, async () => {
    const board = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
    expect(board.totalCases).toBe(4);
    expect(board.countsByState).toMatchObject({ at_risk: 3, assessing: 1 });
    expect(board.rows.map((r) => [r.assetTag, r.station?.name, r.heldHere, r.state])).toEqual([
      ['NM-0001', 'Command post', true, 'at_risk'],
      ['NM-0003', 'NM laptop 2', false, 'assessing'],
      ['NM-0005', 'Biomed workstation', false, 'at_risk'],
      ['NM-0007', 'NM laptop 2', false, 'at_risk'],
    ]);
    const remote = board.rows[1];
    expect(remote).toMatchObject({
      advisory: { id: f.post.advisoryId, trackingId: 'ICSMA-17-215-02' },
      nextAction: null,
      vendor: 'Siemens',
    });
    const filtered = await f.post.api.value('board.get', {
      incidentId: f.post.incidentId,
      filters: { states: ['at_risk'] },
      sort: { key: 'assetTag', direction: 'desc' },
      limit: 2,
    });
    expect(filtered.totalMatching).toBe(3);
    expect(filtered.rows.map((r) => r.assetTag)).toEqual(['NM-0007', 'NM-0005']);
    const sites = board.facets.sites.reduce((sum, s) => sum + s.count, 0);
    expect(sites).toBe(4);
    // Its blocked gate is judged here from the answers its station sent: listed, with its station.
    expect(board.attention.blocked.count).toBe(1);
    expect(board.attention.blocked.cases).toEqual([
      expect.objectContaining({
        assetTag: 'NM-0003',
        station: { id: remote?.station?.id, name: 'NM laptop 2' },
        state: 'assessing',
        // The gate's reason also as its catalogue's words, for the screen's language.
        whyWords: { kind: 'gate', words: { key: 'acquisitionRunning', params: {} } },
      }),
    ]);
    const onlyBlocked = await f.post.api.value('board.get', {
      incidentId: f.post.incidentId,
      filters: { attention: 'blocked' },
    });
    expect(onlyBlocked.rows.map((r) => [r.assetTag, r.station?.name])).toEqual([
      ['NM-0003', 'NM laptop 2'],
    ]);

    const hics251 = await f.post.api.value('reports.hics251', { incidentId: f.post.incidentId });
    expect(hics251.rows.map((r) => [r.assetTag, r.station, r.state])).toEqual([
      ['NM-0001', 'Command post', 'at_risk'],
      ['NM-0003', 'NM laptop 2', 'assessing'],
      ['NM-0005', 'Biomed workstation', 'at_risk'],
      ['NM-0007', 'NM laptop 2', 'at_risk'],
    ]);
    expect(hics251.totals.fully_functional).toBe(4);
  });
});

describe('the command post’s activity log and briefing', () => {
  it('merge every station’s activity, naming the station', slow, async () => {
    const hics214 = await f.post.api.value('reports.hics214', { incidentId: f.post.incidentId });
    const moved = hics214.entries.flatMap((e) =>
      e.activities
        .filter((a) => a.assetTag === 'NM-0003')
        .map((a) => [e.station, e.role, a.activity]),
    );
    expect(moved).toEqual([
      ['NM laptop 2', 'incident_commander', 'Opened the case of NM-0003'],
      ['NM laptop 2', 'incident_commander', 'Moved NM-0003 from At risk to Assessing'],
      ['NM laptop 2', 'incident_commander', 'Answered the patient-safety gate of NM-0003'],
    ]);
    const stations = new Set(hics214.entries.map((e) => e.station));
    expect(stations).toEqual(new Set(['Command post', 'NM laptop 2', 'Biomed workstation']));

    const briefing = await f.post.api.value('reports.briefing', { incidentId: f.post.incidentId });
    expect(briefing.situation.caseCount).toBe(4);
    expect(briefing.situation.byStation).toEqual([
      { station: 'Command post', caseCount: 1 },
      { station: 'Biomed workstation', caseCount: 1 },
      { station: 'NM laptop 2', caseCount: 2 },
    ]);
    expect(briefing.situation.summary).toContain('NM laptop 2 (2)');
  });
});

describe('last heard from', () => {
  it('flags a station silent for longer than the commander’s threshold', slow, async () => {
    const board = async () =>
      (await f.post.api.value('board.get', { incidentId: f.post.incidentId, limit: 1 })).stations;
    const heardAt = f.post.rt.clock.now().toISOString();
    expect(await board()).toEqual([
      expect.objectContaining({ name: 'Command post', here: true, silent: false }),
      expect.objectContaining({
        name: 'Biomed workstation',
        lastHeardFrom: heardAt,
        silent: false,
      }),
      expect.objectContaining({ name: 'NM laptop 2', lastHeardFrom: heardAt, silent: false }),
    ]);
    f.post.rt.clock.advance(31 * 60_000);
    await signInAs(f.post.rt, 'incident_commander'); // the idle lock came first
    expect((await board()).map((s) => [s.name, s.silent])).toEqual([
      ['Command post', false],
      ['Biomed workstation', true],
      ['NM laptop 2', true],
    ]);
    await f.post.api.value('board.setStationSilence', { minutes: 45 });
    const view = await f.post.api.value('board.get', { incidentId: f.post.incidentId, limit: 1 });
    expect(view.silenceThresholdMinutes).toBe(45);
    expect(view.stations.filter((s) => s.silent)).toEqual([]);
    f.post.rt.clock.set(heardAt);
    await signInAs(f.post.rt, 'incident_commander');
  });
});

describe('one writer per case', () => {
  // Last: the floor station's chain keeps the event, so it exchanges no more.
  it(
    'refuses a bundle with an event for a case the sending station does not hold',
    slow,
    async () => {
      const floor = f.floors[1];
      if (!floor) throw new Error('no second floor station');
      const held =
        (floor.rt.services.db.prepare('SELECT max(id) FROM cases').pluck().get() as number) + 1;
      const { outcomes, before, after } = await importAnswerOf(
        f,
        floor,
        held,
        { sectionId: 'assessment', itemId: 'exposure' },
        'not-held',
      );
      expect(outcomes).toMatchObject([{ status: 'refused', step: 'content' }]);
      expect(outcomes[0]?.reason).toMatch(
        new RegExp(`Biomed workstation.*is about case ${held}, which that station does not hold`),
      );
      expect(after).toBe(before);
    },
  );
});
