import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { auditSince } from '../people/test/test-calls';
import { refusal } from '../stations/test/stations-setup';
import { testSecret } from '../test/temp-runtime';
import {
  answerScanRunning,
  exchangeThroughFolder,
  facilityForFile,
  slow,
} from './test/facility-setup';

const recheckAt = '2017-08-03T15:00:00.000Z';
const f = facilityForFile({
  async prepare() {
    const laptop = f.floor('NM laptop 2');
    for (const tag of ['NM-0003', 'NM-0007']) {
      await laptop.api.value('cases.transition', {
        caseId: laptop.caseOf(tag),
        target: 'assessing',
      });
    }
    // A scan running on NM-0003: its gate is blocked, so it may be deferred; NM-0007's is not.
    await answerScanRunning(laptop, laptop.caseOf('NM-0003'), true);
  },
});

async function remoteCase(tag: string) {
  const board = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
  const row = board.rows.find((r) => r.assetTag === tag && !r.heldHere);
  if (!row?.station) throw new Error(`${tag} is not on the command post's board`);
  return { stationId: row.station.id, caseId: row.caseId };
}

describe('a bulk decision of the command post on cases a floor station holds', () => {
  it('is previewed with the steps the table has from their state there', slow, async () => {
    const nm3 = await remoteCase('NM-0003');
    const nm7 = await remoteCase('NM-0007');
    const preview = await f.post.api.value('cases.bulkPreview', {
      incidentId: f.post.incidentId,
      caseIds: [],
      remoteCases: [nm7, nm3, { stationId: nm3.stationId, caseId: 999 }],
    });
    expect(preview.cases).toEqual([]);
    expect(preview.remote.map((c) => [c.assetTag, c.stationName, c.state])).toEqual([
      ['NM-0003', 'NM laptop 2', 'assessing'],
      ['NM-0007', 'NM laptop 2', 'assessing'],
    ]);
    const deferred = preview.targets.find((t) => t.target === 'deferred');
    expect(deferred?.requested).toEqual([nm3, nm7]);
    expect(deferred?.needs).toEqual(['recheckAt']);
    expect(preview.targets.find((t) => t.target === 'quarantined')?.needs).toEqual(['reason']);
    // No step from assessing back to at risk: nothing would be sent for it.
    expect(preview.targets.find((t) => t.target === 'at_risk')).toBeUndefined();
  });

  it('is applied there through the same guard, and its refusal comes back', slow, async () => {
    const [laptop, biomed] = f.floors;
    if (!laptop || !biomed) throw new Error('no floor stations');
    const nm3 = await remoteCase('NM-0003');
    const nm7 = await remoteCase('NM-0007');
    const decided = await f.post.api.value('cases.bulkTransition', {
      incidentId: f.post.incidentId,
      caseIds: [],
      remoteCases: [nm3, nm7, { stationId: nm3.stationId, caseId: 999 }],
      target: 'deferred',
      recheckAt,
      reason: 'Scan running; decide after the session.',
      signoff: { secret: testSecret },
    });
    expect(decided.moved).toEqual([]);
    expect(decided.requested.map((r) => [r.assetTag, r.station.name, r.outcome])).toEqual([
      ['NM-0003', 'NM laptop 2', null],
      ['NM-0007', 'NM laptop 2', null],
    ]);
    // A case that never reached the command post is refused there, and nothing is sent for it.
    expect(decided.refused).toEqual([
      expect.objectContaining({
        caseId: 999,
        reason: expect.stringContaining('Station NM laptop 2 holds no case 999'),
        words: { key: 'requestUnknownCase', params: { station: 'NM laptop 2', caseId: 999 } },
      }),
    ]);
    // The words the floor gives when its own commander asks for the same step.
    const localWords = await refusal(laptop.rt, 'cases.transition', {
      caseId: laptop.caseOf('NM-0007'),
      target: 'deferred',
      recheckAt,
    });
    const biomedBefore = biomed.rt.services.db.prepare('SELECT * FROM cases').all();

    await exchangeThroughFolder(f);
    const deferred = await laptop.api.value('cases.get', { caseId: laptop.caseOf('NM-0003') });
    expect(deferred.state).toBe('deferred');
    const still = await laptop.api.value('cases.get', { caseId: laptop.caseOf('NM-0007') });
    expect(still.state).toBe('assessing');
    expect(biomed.rt.services.db.prepare('SELECT * FROM cases').all()).toEqual(biomedBefore);

    // Audited at the floor as applied on request, naming the command post and its request.
    const events = auditSince(laptop.rt)
      .filter((e) => ['case.transitioned', 'case_request.answered'].includes(e.action))
      .map((e): Record<string, unknown> => ({
        ...e.payload,
        event: e.action,
        entityId: String(e.entityId),
      }));
    const postId = f.post.rt.services.db
      .prepare('SELECT station_id FROM station_self')
      .pluck()
      .get();
    const request3 = decided.requested.find((r) => r.assetTag === 'NM-0003');
    expect(events.at(-3)).toMatchObject({
      event: 'case.transitioned',
      entityId: String(laptop.caseOf('NM-0003')),
      to: 'deferred',
      request: { stationId: postId, stationName: 'Command post', requestId: request3?.id },
    });
    expect(events.slice(-2).map((e) => [e.event, e.assetTag, e.outcome])).toEqual([
      ['case_request.answered', 'NM-0003', 'applied'],
      ['case_request.answered', 'NM-0007', 'refused'],
    ]);
    expect(events.at(-1)?.reason).toBe(localWords);
    expect(verifyAuditChain(laptop.rt.services.db).ok).toBe(true);

    // The answers travel back in the floor's next bundle.
    await exchangeThroughFolder(f);
    const { requests } = await f.post.api.value('requests.list', {});
    expect(requests.map((r) => [r.assetTag, r.outcome, r.answerReason])).toEqual([
      ['NM-0007', 'refused', localWords],
      ['NM-0003', 'applied', null],
    ]);
    const refused = await f.post.api.value('requests.list', { refusedOnly: true });
    expect(refused.requests.map((r) => r.assetTag)).toEqual(['NM-0007']);
    // The command post's HICS 214 tells what the laptop did with each request.
    const hics214 = await f.post.api.value('reports.hics214', { incidentId: f.post.incidentId });
    const answered = hics214.entries
      .filter((e) => e.station === 'NM laptop 2')
      .flatMap((e) => e.activities.map((a) => a.activity))
      .filter((a) => /^(Carried out|Refused) the request/.test(a));
    expect(answered).toEqual([
      'Carried out the request of Command post for NM-0003',
      `Refused the request of Command post for NM-0007: ${localWords}`,
    ]);
    const board = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
    expect(board.rows.find((r) => r.assetTag === 'NM-0003')?.state).toBe('deferred');
  });

  it('applies a request once: importing the same bundles again changes nothing', slow, async () => {
    const [laptop] = f.floors;
    if (!laptop) throw new Error('no floor station');
    const count = () =>
      laptop.rt.services.db.prepare('SELECT count(*) FROM audit_events').pluck().get();
    const before = count();
    await exchangeThroughFolder(f, [laptop]);
    expect(count()).toBe(before);
  });

  it('assigns a case there to a person of that station, or says why not', slow, async () => {
    const [laptop] = f.floors;
    if (!laptop) throw new Error('no floor station');
    const nm3 = await remoteCase('NM-0003');
    const nm7 = await remoteCase('NM-0007');
    const toTech = await f.post.api.value('requests.assign', {
      remoteCases: [nm3],
      assigneeStaffId: 'DEMO-TECH',
    });
    const toNobody = await f.post.api.value('requests.assign', {
      remoteCases: [nm7],
      assigneeStaffId: 'NOT-HERE-1',
    });
    expect([...toTech.requested, ...toNobody.requested].map((r) => r.kind)).toEqual([
      'assign',
      'assign',
    ]);
    await exchangeThroughFolder(f);
    const assigned = await laptop.api.value('cases.get', { caseId: laptop.caseOf('NM-0003') });
    expect(assigned.assignee?.name).toBe('Zoë Brändli (demo)');
    const left = await laptop.api.value('cases.get', { caseId: laptop.caseOf('NM-0007') });
    expect(left.assignee).toBeNull();
    const event = auditSince(laptop.rt)
      .filter((e) => e.action === 'case.assigned')
      .at(-1);
    expect(event?.payload).toMatchObject({ request: { stationName: 'Command post' } });

    await exchangeThroughFolder(f);
    const { requests } = await f.post.api.value('requests.list', {});
    expect(requests.slice(0, 2).map((r) => [r.assetTag, r.assigneeStaffId, r.outcome])).toEqual([
      ['NM-0007', 'NOT-HERE-1', 'refused'],
      ['NM-0003', 'DEMO-TECH', 'applied'],
    ]);
    expect(requests[0]?.answerReason).toContain('No one with staff ID NOT-HERE-1');
  });
});
