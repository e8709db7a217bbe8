import { describe, expect, it } from 'vitest';
import { lastAuditId } from '../people/test/test-calls';
import { testSecret } from '../test/temp-runtime';
import { threeCases } from './test/three-cases';

describe('bulk preview', () => {
  it('lists the states the chosen cases can reach, who would move and why the others would not', async () => {
    const { d, ids } = await threeCases({ secondAssessing: true });
    const [a, b, c] = ids;
    const before = lastAuditId(d.rt);

    const preview = await d.api.value('cases.bulkPreview', {
      incidentId: d.incidentId,
      caseIds: [c, a, b, 999_999],
    });
    expect(preview.cases.map((x) => [x.assetTag, x.state])).toEqual([
      ['NM-0001', 'at_risk'],
      ['NM-0003', 'assessing'],
      ['NM-0007', 'at_risk'],
    ]);
    expect(preview.unknown).toEqual([999_999]);
    // Only states some chosen case has a step to; never "at risk", which no step leads back to.
    const targets = preview.targets.map((t) => t.target);
    expect(targets).toContain('assessing');
    expect(targets).toContain('standalone');
    expect(targets).not.toContain('at_risk');

    const assessing = preview.targets.find((t) => t.target === 'assessing');
    expect(assessing?.movable).toEqual([a, c]);
    expect(assessing?.held.map((h) => h.caseId)).toEqual([b]);
    expect(assessing?.held[0]?.reason).toContain('no step to Assessing');
    // The same as words for the screen's language.
    expect(assessing?.held[0]?.reasonWords).toEqual({
      kind: 'noStep',
      from: 'assessing',
      to: 'assessing',
    });

    // Standalone needs the clinical lead's sign-off, among others: nobody would move.
    const standalone = preview.targets.find((t) => t.target === 'standalone');
    expect(standalone?.movable).toEqual([]);
    expect(standalone?.held.find((h) => h.caseId === b)?.reason).toMatch(/clinical lead/i);
    const words = standalone?.held.find((h) => h.caseId === b)?.reasonWords;
    expect(words?.kind === 'missing' && words.words.length).toBeGreaterThan(0);

    // A deferral needs the decision's re-check time, a quarantine its reason.
    expect(preview.targets.find((t) => t.target === 'deferred')?.needs).toEqual(['recheckAt']);
    expect(preview.targets.find((t) => t.target === 'quarantined')?.needs).toEqual(['reason']);

    // The preview changes nothing and is no audit event.
    expect(lastAuditId(d.rt)).toBe(before);
  });

  it('agrees with the decision: the cases it calls movable are the ones that move', async () => {
    const { d, ids } = await threeCases();
    const preview = await d.api.value('cases.bulkPreview', {
      incidentId: d.incidentId,
      caseIds: ids,
    });
    const assessing = preview.targets.find((t) => t.target === 'assessing');
    const result = await d.api.value('cases.bulkTransition', {
      incidentId: d.incidentId,
      caseIds: ids,
      target: 'assessing',
      signoff: { secret: testSecret },
    });
    expect(result.moved.map((m) => m.caseId)).toEqual(assessing?.movable);
    expect(result.refused).toEqual([]);
  });
});
