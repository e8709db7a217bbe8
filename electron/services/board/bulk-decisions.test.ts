import { describe, expect, it } from 'vitest';
import { englishErrorWords, errorWordsIn } from '../../api/error-words';
import { verifyAuditChain } from '../audit/verify';
import { auditHead } from '../cases/test/case-test-setup';
import { auditSince, lastAuditId } from '../people/test/test-calls';
import { signInAs, testSecret } from '../test/temp-runtime';
import { threeCases } from './test/three-cases';

describe('bulk decisions', () => {
  it('moves the cases its guard allows, refuses the others with the guard’s reason, one audit event per case', async () => {
    // b is already assessing: "assessing → assessing" is no step of the workflow.
    const { d, ids } = await threeCases({ secondAssessing: true });
    const [a, b, c] = ids;
    const before = lastAuditId(d.rt);

    const result = await d.api.value('cases.bulkTransition', {
      incidentId: d.incidentId,
      caseIds: [c, a, b, 999_999, a],
      target: 'assessing',
      reason: 'Start assessing the whole department',
      signoff: { secret: testSecret },
    });
    expect(result.moved.map((m) => [m.assetTag, m.from, m.to])).toEqual([
      ['NM-0001', 'at_risk', 'assessing'],
      ['NM-0007', 'at_risk', 'assessing'],
    ]);
    expect(result.refused.map((r) => [r.caseId, r.assetTag])).toEqual([
      [b, 'NM-0003'],
      [999_999, ''],
    ]);
    expect(result.refused[0]?.reason).toContain('NM-0003 cannot go from Assessing to Assessing');
    // The refusal also as the catalogue's words: the same English, and German for a German board.
    const words = result.refused[0]?.words;
    if (!words) throw new Error('the refusal should carry its words');
    expect(englishErrorWords(words)).toBe(result.refused[0]?.reason);
    expect(errorWordsIn('de', words)).toContain('NM-0003');
    expect(errorWordsIn('de', words)).not.toContain('cannot go from');
    expect(result.refused[1]?.reason).toBe('There is no case 999999.');

    const events = auditSince(d.rt, before);
    expect(events.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ['signoff.given', 'bulk_decision', String(result.decisionId)],
      ['case.transitioned', 'case', String(a)],
      ['case.transitioned', 'case', String(c)],
      ['bulk_decision.completed', 'bulk_decision', String(result.decisionId)],
    ]);
    const moveEvent = events[1];
    expect(moveEvent?.actorRole).toBe('incident_commander');
    expect(moveEvent?.payload).toMatchObject({
      from: 'at_risk',
      to: 'assessing',
      bulkDecisionId: result.decisionId,
      reason: 'Start assessing the whole department',
    });
    // One sign-off over the canonical decision: sorted, unique case ids.
    const signoff = d.rt.services.db
      .prepare('SELECT kind, role, subject_type, content FROM signoffs WHERE id = ?')
      .get(result.signoffId) as {
      kind: string;
      role: string;
      subject_type: string;
      content: string;
    };
    expect(signoff).toMatchObject({
      kind: 'bulk_decision',
      role: 'incident_commander',
      subject_type: 'bulk_decision',
    });
    expect(JSON.parse(signoff.content)).toMatchObject({
      caseIds: [a, b, c, 999_999].sort((x, y) => x - y),
      decision: { kind: 'transition', target: 'assessing' },
    });
    // The sign-off reads back through the sign-off API as valid on the decision as stored.
    const status = await d.api.value('signoffs.list', {
      subjectType: 'bulk_decision',
      subjectId: String(result.decisionId),
    });
    expect(status.validKinds).toEqual(['bulk_decision']);
    expect(status.signoffs.map((s) => [s.id, s.stale])).toEqual([[result.signoffId, false]]);
    const history = await d.api.value('cases.get', { caseId: a });
    expect(history.history.at(-1)?.detail).toMatchObject({ bulkDecisionId: result.decisionId });
    expect(verifyAuditChain(d.rt.services.db)).toMatchObject({ ok: true });
  });

  it('never skips a guard: a step that needs sign-offs is refused for every case without them', async () => {
    const { d, ids } = await threeCases();
    await d.api.value('cases.bulkTransition', {
      incidentId: d.incidentId,
      caseIds: ids,
      target: 'assessing',
      signoff: { secret: testSecret },
    });
    const result = await d.api.value('cases.bulkTransition', {
      incidentId: d.incidentId,
      caseIds: ids,
      target: 'standalone',
      signoff: { secret: testSecret },
    });
    expect(result.moved).toEqual([]);
    expect(result.refused).toHaveLength(3);
    for (const r of result.refused) {
      expect(r.reason).toContain('cannot go from Assessing to Standalone');
      expect(r.missing.some((m) => m.includes('clinical lead'))).toBe(true);
    }
    const board = await d.api.value('board.get', { incidentId: d.incidentId });
    expect(board.countsByState.assessing).toBe(3);
  });

  it('sets a re-check time on deferred cases and refuses the rest', async () => {
    const { d, ids } = await threeCases();
    const [a, b] = ids;
    d.rt.services.db
      .prepare(
        `UPDATE cases SET state = 'deferred', recheck_at = '2017-08-03T10:00:00.000Z' WHERE id = ?`,
      )
      .run(a);
    const result = await d.api.value('cases.bulkRecheck', {
      incidentId: d.incidentId,
      caseIds: [a, b],
      recheckAt: '2017-08-03T13:30:00+02:00',
      signoff: { secret: testSecret },
    });
    expect(result.moved).toEqual([
      {
        caseId: a,
        assetTag: 'NM-0001',
        from: 'deferred',
        to: 'deferred',
        recheckAt: '2017-08-03T11:30:00.000Z',
      },
    ]);
    expect(result.refused[0]?.reason).toContain('NM-0003 is not deferred');
    const late = await d.api.value('cases.bulkRecheck', {
      incidentId: d.incidentId,
      caseIds: [a],
      recheckAt: '2017-08-03T08:00:00Z',
      signoff: { secret: testSecret },
    });
    expect(late.refused[0]?.reason).toContain('has passed');
  });

  it('is signed: a wrong PIN moves nothing, and only the commander may decide', async () => {
    const { d, ids } = await threeCases();
    const head = auditHead(d.rt);
    const wrong = await d.rt.client().call('cases.bulkTransition', {
      incidentId: d.incidentId,
      caseIds: ids,
      target: 'assessing',
      signoff: { secret: '000000' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const board = await d.api.value('board.get', { incidentId: d.incidentId });
    expect(board.countsByState.at_risk).toBe(3);
    expect(
      auditSince(d.rt)
        .slice(head.count)
        .map((e) => e.action),
    ).not.toContain('case.transitioned');

    await signInAs(d.rt, 'biomed');
    expect(
      await d.rt.client().call('cases.bulkTransition', {
        incidentId: d.incidentId,
        caseIds: ids,
        target: 'assessing',
        signoff: { secret: testSecret },
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
