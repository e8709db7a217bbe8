import { describe, expect, it } from 'vitest';
import { englishMissingPhrase } from '../../api/missing-words';
import { answerAll, signAs, testNow } from '../cases/test/case-test-setup';
import * as given from '../demo/walkthrough-answers';
import { signInAs } from '../test/temp-runtime';
import {
  assessAsExposed,
  chooseHolder,
  exchangeThroughFolder,
  facilityForFile,
  slow,
} from './test/facility-setup';

/**
 * What the command post counts of the whole facility: the cases other stations hold that wait
 * for sign-offs (judged here by the same rule as its own), the incident's case counts, and a case
 * a station lost in a conflict, which stops counting there as a case handed on does.
 */

const trackingId = 'ICSMA-17-215-02';
const now = new Date(testNow);
// Both floors open a case for NM-0003 (a conflict); the laptop works NM-0007 up to standalone.
const f = facilityForFile({
  devices: {
    post: ['NM-0001'],
    floors: [
      ['NM laptop 2', ['NM-0003', 'NM-0007']],
      ['Biomed workstation', ['NM-0003', 'NM-0005']],
    ],
  },
  async prepare() {
    const laptop = f.floor('NM laptop 2');
    const caseId = await assessAsExposed(laptop, 'NM-0007');
    await answerAll(laptop.api, caseId, 'patient_safety_gate', given.gateClear(now));
    await signInAs(laptop.rt, 'biomed');
    await answerAll(laptop.api, caseId, 'backup', given.backupDone(now, 'M. Keller'));
    await signInAs(laptop.rt, 'incident_commander');
  },
});

async function postBoard(filters = {}) {
  return f.post.api.value('board.get', { incidentId: f.post.incidentId, filters });
}

describe('the command post’s "awaiting sign-off" list', () => {
  it('names another station’s case whose next step waits only for sign-offs', slow, async () => {
    const board = await postBoard();
    expect(board.attention.awaiting_signoff.count).toBe(1);
    expect(board.attention.awaiting_signoff.cases).toEqual([
      expect.objectContaining({
        assetTag: 'NM-0007',
        station: expect.objectContaining({ name: 'NM laptop 2' }),
        state: 'assessing',
        waitingFor: [expect.stringMatching(/clinical lead/i), expect.stringMatching(/biomed/i)],
      }),
    ]);
    // The same names in words the screen says in its language.
    const [item] = board.attention.awaiting_signoff.cases;
    expect(item?.waitingForWords.map(englishMissingPhrase)).toEqual(item?.waitingFor);
    const only = await postBoard({ attention: 'awaiting_signoff' });
    expect(only.rows.map((r) => [r.assetTag, r.station?.name])).toEqual([
      ['NM-0007', 'NM laptop 2'],
    ]);
    const briefing = await f.post.api.value('reports.briefing', { incidentId: f.post.incidentId });
    expect(briefing.situation.attention.awaitingSignoff).toBe(1);
  });

  it(
    'reads that station’s sign-offs by the same rule: given, made stale, given again',
    slow,
    async () => {
      const laptop = f.floor('NM laptop 2');
      const caseId = laptop.caseOf('NM-0007');
      const waitingFor = async () => {
        await signInAs(laptop.rt, 'incident_commander');
        await exchangeThroughFolder(f);
        const board = await postBoard();
        return board.attention.awaiting_signoff.cases.find((c) => c.assetTag === 'NM-0007')
          ?.waitingFor;
      };
      await signAs(laptop, 'clinical_lead', caseId, 'patient_safety_clear');
      expect(await waitingFor()).toEqual([expect.stringMatching(/biomed/i)]);
      // The study moves by half an hour: the gate the clinical lead signed is not the gate now.
      await signInAs(laptop.rt, 'technologist');
      await laptop.api.value('cases.answer', {
        caseId,
        sectionId: 'patient_safety_gate',
        itemId: 'upcoming_studies',
        value: [
          {
            scheduled_at: new Date(now.getTime() + 180 * 60_000).toISOString(),
            priority: 'routine',
            plan: 'other_scanner',
          },
        ],
      });
      expect(await waitingFor()).toHaveLength(2);
      await signAs(laptop, 'clinical_lead', caseId, 'patient_safety_clear');
      await signAs(laptop, 'biomed', caseId, 'technical_readiness');
      expect(await waitingFor()).toBeUndefined();
      expect((await postBoard()).attention.awaiting_signoff.count).toBe(0);
    },
  );
});

describe('the incident picker at the command post', () => {
  it('counts the cases other stations hold, as the board does', slow, async () => {
    const board = await postBoard();
    const incidents = await f.post.api.value('incidents.list', {});
    const incident = incidents.find((i) => i.id === f.post.incidentId);
    // Its own NM-0001, the laptop's two, and the biomed's two (NM-0003 twice until chosen).
    expect(board.totalCases).toBe(5);
    expect(incident?.caseCount).toBe(board.totalCases);
    expect(incident?.countsByState).toEqual(board.countsByState);
    expect(incident?.countsByHics251).toEqual(board.countsByHics251);
  });
});

describe('a case a station lost in a conflict', () => {
  it(
    'stops counting in that station’s board, briefing, priorities and incident',
    slow,
    async () => {
      const [laptop, biomed] = [f.floor('NM laptop 2'), f.floor('Biomed workstation')];
      const lost = biomed.caseOf('NM-0003');
      const before = await biomed.api.value('reports.briefing', { incidentId: biomed.incidentId });
      expect(before.topPriorities.filter((p) => p.heldHere).map((p) => p.caseId)).toContain(lost);
      await chooseHolder(f, 'NM-0003', trackingId, laptop);

      // The case is still there, read-only, saying who holds it…
      expect((await biomed.api.value('cases.get', { caseId: lost })).heldElsewhere).toMatchObject({
        stationName: 'NM laptop 2',
      });
      // …but the board shows NM-0003 once, as the laptop's, and nothing counts it here.
      const board = await biomed.api.value('board.get', { incidentId: biomed.incidentId });
      expect(
        board.rows.filter((r) => r.assetTag === 'NM-0003').map((r) => r.station?.name),
      ).toEqual(['NM laptop 2']);
      expect(board.totalCases).toBe(4);
      const briefing = await biomed.api.value('reports.briefing', {
        incidentId: biomed.incidentId,
      });
      expect(briefing.topPriorities.filter((p) => p.heldHere).map((p) => p.caseId)).not.toContain(
        lost,
      );
      expect(briefing.situation.caseCount).toBe(board.totalCases);
      expect(briefing.situation.byStation.find((s) => s.station === biomed.name)?.caseCount).toBe(
        1,
      );
      const incident = (await biomed.api.value('incidents.list', {})).find(
        (i) => i.id === biomed.incidentId,
      );
      expect(incident?.caseCount).toBe(board.totalCases);
      const open = await biomed.api.value('cases.list', {
        incidentId: biomed.incidentId,
        openOnly: true,
      });
      expect(open.cases.map((c) => c.assetTag)).toEqual(['NM-0005']);
    },
  );
});
