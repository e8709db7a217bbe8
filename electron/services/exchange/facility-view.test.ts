import { describe, expect, it } from 'vitest';
import { signInAs } from '../test/temp-runtime';
import { assessAsExposed, chooseHolder, facilityForFile, slow } from './test/facility-setup';

/**
 * A command post that holds no case of its own sees the whole facility: its chart of cases by
 * state over time, the priority of every open case (by the one rule, naming the station) on the
 * board and in the briefing, and the incident page's list of cases, consistent with its counts.
 * A floor station that lost a case in a conflict lists it as the station that holds it now.
 */

const trackingId = 'ICSMA-17-215-02';
// Both floors open NM-0003 (a conflict); the laptop assesses NM-0007 as exposed.
const f = facilityForFile({
  devices: {
    post: [],
    floors: [
      ['NM laptop 2', ['NM-0003', 'NM-0007']],
      ['Biomed workstation', ['NM-0003', 'NM-0005']],
    ],
  },
  async prepare() {
    const laptop = f.floor('NM laptop 2');
    await assessAsExposed(laptop, 'NM-0007');
    await signInAs(laptop.rt, 'incident_commander');
  },
});

const postBoard = (sort?: { key: 'priority'; direction: 'desc' }) =>
  f.post.api.value('board.get', { incidentId: f.post.incidentId, ...(sort ? { sort } : {}) });

describe('the command post’s chart of cases by state over time', () => {
  it(
    'is built from the cases other stations hold, ending at the board’s counts',
    slow,
    async () => {
      const board = await postBoard();
      expect(board.totalCases).toBe(4);
      const { points } = await f.post.api.value('board.timeline', {
        incidentId: f.post.incidentId,
      });
      expect(points.at(-1)?.countsByState).toEqual(board.countsByState);
      expect(points.at(-1)?.countsByHics251).toEqual(board.countsByHics251);
      // Not an empty chart: the four cases, the laptop's NM-0007 in assessing.
      const last = points.at(-1)?.countsByState;
      expect(Object.values(last ?? {}).reduce((a, b) => a + b, 0)).toBe(4);
      expect(points.at(-1)?.countsByState.assessing).toBe(1);
    },
  );
});

describe('the priority of cases other stations hold', () => {
  it('is on the board, by the same rule as at the holding station', slow, async () => {
    const board = await postBoard();
    const laptop = f.floor('NM laptop 2');
    const own = await laptop.api.value('board.get', { incidentId: laptop.incidentId });
    const at = (rows: typeof board.rows, tag: string, station: string) =>
      rows.find((r) => r.assetTag === tag && r.station?.name === station)?.priority;
    for (const tag of ['NM-0003', 'NM-0007']) {
      const there = at(own.rows, tag, laptop.name);
      expect(there).not.toBeNull();
      expect(at(board.rows, tag, laptop.name)).toEqual(there);
    }
    // The exposure answers count: NM-0007 (exposed) ranks above the laptop's NM-0003.
    const exposed = at(board.rows, 'NM-0007', laptop.name)?.value ?? 0;
    expect(exposed).toBeGreaterThan(at(board.rows, 'NM-0003', laptop.name)?.value ?? Infinity);
    expect(board.rows.every((r) => r.priority !== null)).toBe(true);

    const sorted = await postBoard({ key: 'priority', direction: 'desc' });
    expect(sorted.rows[0]).toMatchObject({ assetTag: 'NM-0007', station: { name: laptop.name } });
    const values = sorted.rows.map((r) => r.priority?.value ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('ranks the facility’s cases in the briefing, naming each one’s station', slow, async () => {
    const briefing = await f.post.api.value('reports.briefing', { incidentId: f.post.incidentId });
    expect(briefing.topPriorities).toHaveLength(4);
    expect(briefing.topPriorities[0]).toMatchObject({
      assetTag: 'NM-0007',
      station: 'NM laptop 2',
      heldHere: false,
      state: 'assessing',
    });
    expect(briefing.topPriorities.map((p) => `${p.assetTag} ${p.station ?? ''}`).sort()).toEqual([
      'NM-0003 Biomed workstation',
      'NM-0003 NM laptop 2',
      'NM-0005 Biomed workstation',
      'NM-0007 NM laptop 2',
    ]);
    const csv = await f.post.api.value('reports.csv', {
      report: 'briefing',
      incidentId: f.post.incidentId,
    });
    expect(csv.text).toContain('NM-0007 (ICSMA-17-215-02), held at NM laptop 2: ');
  });
});

describe('the incident page’s list of cases', () => {
  it('lists the facility’s cases with their stations, as the counts count them', slow, async () => {
    const incident = await f.post.api.value('incidents.get', { id: f.post.incidentId });
    const page = await f.post.api.value('incidents.cases', { id: f.post.incidentId });
    expect(page.total).toBe(incident.caseCount);
    const listed = page.cases.map((c) => [c.assetTag, c.station?.name, c.heldHere]);
    // By asset tag (one device's cases at two stations in either order).
    expect(listed.map((c) => c[0])).toEqual(['NM-0003', 'NM-0003', 'NM-0005', 'NM-0007']);
    expect(listed.sort()).toEqual([
      ['NM-0003', 'Biomed workstation', false],
      ['NM-0003', 'NM laptop 2', false],
      ['NM-0005', 'Biomed workstation', false],
      ['NM-0007', 'NM laptop 2', false],
    ]);
  });

  it(
    'lists a case a station lost in a conflict as the winner’s, never as held there',
    slow,
    async () => {
      const [laptop, biomed] = [f.floor('NM laptop 2'), f.floor('Biomed workstation')];
      const lost = biomed.caseOf('NM-0003');
      await chooseHolder(f, 'NM-0003', trackingId, laptop);

      const incident = await biomed.api.value('incidents.get', { id: biomed.incidentId });
      for (const openOnly of [false, true]) {
        const page = await biomed.api.value('incidents.cases', { id: biomed.incidentId, openOnly });
        expect(page.total).toBe(incident.openCaseCount);
        expect(page.cases.map((c) => [c.assetTag, c.station?.name, c.heldHere])).toEqual([
          ['NM-0003', 'NM laptop 2', false],
          ['NM-0005', 'Biomed workstation', true],
          ['NM-0007', 'NM laptop 2', false],
        ]);
      }
      // The record kept here names the station that holds the case now.
      const { cases } = await biomed.api.value('cases.list', { incidentId: biomed.incidentId });
      expect(cases.find((c) => c.caseId === lost)?.station).toBe('NM laptop 2');
    },
  );
});
