import { afterEach, describe, expect, it } from 'vitest';
import type { BoardFilters } from '../../api/domains/board';
import { englishGate, gateSentence } from '../../api/gate-words';
import { gateLookups } from '../pdf/words';
import { demoIncident, testNow, type DemoIncident } from '../cases/test/case-test-setup';
import { signInAs } from '../test/temp-runtime';
import { boardCountSql, boardPageSql, boardWhere, overdueSql, reReviewSql } from './board-query';

let d: DemoIncident;
afterEach(() => d.rt.cleanup());

const three = ['NM-0001', 'NM-0003', 'NM-0007'];

function plan(d: DemoIncident, sql: string, params: unknown[]): string[] {
  return (
    d.rt.services.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
  ).map((r) => r.detail);
}

/** A full scan of cases would be "SCAN c" (or "SCAN cases"); a search by index is fine. */
function expectNoCaseScan(details: string[]): void {
  expect(details.filter((p) => /^SCAN (c|cases)\b/.test(p))).toEqual([]);
  expect(details.some((p) => /INDEX (cases_|sqlite_autoindex_cases)/.test(p))).toBe(true);
}

describe('incident board', () => {
  it('counts, pages, filters and sorts the cases of an incident', async () => {
    d = await demoIncident(three);
    const board = await d.api.value('board.get', { incidentId: d.incidentId });
    expect(board.totalCases).toBe(3);
    expect(board.totalMatching).toBe(3);
    expect(board.countsByState.at_risk).toBe(3);
    expect(board.countsByHics251).toEqual({
      fully_functional: 3,
      partially_functional: 0,
      non_functional: 0,
    });
    expect(board.rows.map((r) => r.assetTag)).toEqual(three);
    const first = board.rows[0];
    expect(first).toMatchObject({
      state: 'at_risk',
      hics251: 'fully_functional',
      gateVerdict: 'incomplete',
      advisory: { trackingId: 'ICSMA-17-215-02' },
      deviceTrackingIds: ['ICSMA-17-215-02'],
      nextAction: { target: 'assessing', allowed: true },
    });
    expect(first?.vendor).toBe('Siemens');
    expect(board.facets.states.find((s) => s.value === 'at_risk')?.count).toBe(3);
    expect(board.facets.unassigned).toBe(3);
    const department = first?.department ?? '';
    expect(department).not.toBe('');
    const inDepartment = board.rows.filter((r) => r.department === department).length;

    const desc = await d.api.value('board.get', {
      incidentId: d.incidentId,
      sort: { key: 'assetTag', direction: 'desc' },
      limit: 2,
    });
    expect(desc.rows.map((r) => r.assetTag)).toEqual(['NM-0007', 'NM-0003']);
    const page2 = await d.api.value('board.get', {
      incidentId: d.incidentId,
      sort: { key: 'assetTag', direction: 'desc' },
      limit: 2,
      offset: 2,
    });
    expect(page2.rows.map((r) => r.assetTag)).toEqual(['NM-0001']);

    await d.api.value('cases.transition', { caseId: d.caseOf('NM-0003'), target: 'assessing' });
    const filtered = await d.api.value('board.get', {
      incidentId: d.incidentId,
      filters: { departments: [department], states: ['at_risk'] },
    });
    const expected = board.rows.filter(
      (r) => r.department === department && r.assetTag !== 'NM-0003',
    ).length;
    expect(inDepartment).toBeGreaterThan(0);
    expect(filtered.totalMatching).toBe(expected);
    expect(filtered.rows.every((r) => r.state === 'at_risk' && r.department === department)).toBe(
      true,
    );
    // Whole-incident counts ignore the filters; the filtered ones do not.
    expect(filtered.countsByState).toMatchObject({ at_risk: 2, assessing: 1 });
    expect(filtered.filteredCountsByState.assessing).toBe(0);

    const byPrefix = await d.api.value('board.get', {
      incidentId: d.incidentId,
      filters: { assetTagPrefix: 'nm-000_' },
    });
    expect(byPrefix.totalMatching).toBe(0); // "_" is a character here, not a wildcard

    const byState = await d.api.value('board.get', {
      incidentId: d.incidentId,
      sort: { key: 'state', direction: 'desc' },
    });
    expect(byState.rows[0]?.assetTag).toBe('NM-0003');
  });

  it('lists overdue re-checks and re-reviews in the attention lists, and filters by them', async () => {
    d = await demoIncident(three);
    const db = d.rt.services.db;
    // Put cases where the lists look (the workflow's own way there is tested in cases/).
    db.prepare(
      `UPDATE cases SET state = 'deferred', recheck_at = '2017-08-03T08:30:00.000Z' WHERE id = ?`,
    ).run(d.caseOf('NM-0003'));
    db.prepare(
      `UPDATE cases SET review_revision_id = advisory_revision_id, review_flagged_at = ? WHERE id = ?`,
    ).run(testNow, d.caseOf('NM-0007'));
    const board = await d.api.value('board.get', { incidentId: d.incidentId });
    expect(board.attention.recheck_overdue.count).toBe(1);
    expect(board.attention.recheck_overdue.cases[0]).toMatchObject({
      assetTag: 'NM-0003',
      recheckAt: '2017-08-03T08:30:00.000Z',
    });
    expect(board.attention.recheck_overdue.cases[0]?.why).toContain('Re-check was due');
    expect(board.attention.needs_re_review.cases.map((c) => c.assetTag)).toEqual(['NM-0007']);
    // The revision to review as values, for the screen's language.
    const version = db
      .prepare(
        `SELECT r.version FROM cases c JOIN advisory_revisions r ON r.id = c.advisory_revision_id
          WHERE c.id = ?`,
      )
      .pluck()
      .get(d.caseOf('NM-0007')) as string;
    expect(board.attention.needs_re_review.cases[0]?.whyWords).toEqual({
      kind: 're_review',
      trackingId: 'ICSMA-17-215-02',
      version,
      reliesOn: version,
    });
    expect(board.attention.blocked.count).toBe(0);
    const overdue = await d.api.value('board.get', {
      incidentId: d.incidentId,
      filters: { attention: 'recheck_overdue' },
    });
    expect(overdue.rows.map((r) => r.assetTag)).toEqual(['NM-0003']);
    expect(overdue.rows[0]?.flags).toEqual(['recheck_overdue']);
    const flagged = await d.api.value('board.get', {
      incidentId: d.incidentId,
      filters: { flags: ['needs_re_review', 'recheck_overdue'] },
    });
    expect(flagged.rows.map((r) => r.assetTag)).toEqual(['NM-0003', 'NM-0007']);
  });

  it('words a blocked case’s reason as the gate does, in English and as the catalogue’s words', async () => {
    d = await demoIncident(three);
    const caseId = d.caseOf('NM-0003');
    await d.api.value('cases.transition', { caseId, target: 'assessing' });
    // A scan running on the device: its patient-safety gate is blocked.
    await d.api.value('cases.answer', {
      caseId,
      sectionId: 'patient_safety_gate',
      itemId: 'acquisition_running',
      value: true,
    });
    const board = await d.api.value('board.get', { incidentId: d.incidentId });
    const [blocked] = board.attention.blocked.cases;
    expect(blocked?.assetTag).toBe('NM-0003');
    expect(blocked?.whyWords).toEqual({
      kind: 'gate',
      words: { key: 'acquisitionRunning', params: {} },
    });
    if (blocked?.whyWords?.kind !== 'gate') throw new Error('the gate’s words are missing');
    expect(gateSentence(blocked.whyWords.words, englishGate)).toBe(blocked.why);
    expect(gateSentence(blocked.whyWords.words, gateLookups.de)).toMatch(
      /^Eine Person liegt auf dem Tisch/,
    );
  });

  it('board queries use their indexes: no full scan of cases', async () => {
    d = await demoIncident(three);
    const db = d.rt.services.db;
    db.exec('ANALYZE');
    const now = new Date(testNow);
    const none = { blocked: [], awaiting_signoff: [] };
    const cases: BoardFilters[] = [
      {},
      { departments: ['Nuclear Medicine'], states: ['at_risk', 'assessing'] },
      { sites: ['Campus Nord'], modalities: ['NM'] },
      { assigneeUserIds: [1], unassigned: true },
      { advisoryIds: [1] },
      { attention: 'recheck_overdue' },
      { flags: ['needs_re_review'] },
      { hics251: ['non_functional'], families: ['PET/CT'] },
    ];
    for (const filters of cases) {
      const where = boardWhere(d.incidentId, filters, now, none);
      for (const key of ['assetTag', 'department', 'recheckAt', 'assignee'] as const) {
        expectNoCaseScan(plan(d, boardPageSql(where.where, key, 'asc'), [...where.params, 100, 0]));
      }
      expectNoCaseScan(plan(d, boardCountSql(where.where), where.params));
    }
    const overduePlan = plan(
      d,
      `SELECT count(*) FROM cases c WHERE c.incident_id = ? AND ${overdueSql}`,
      [d.incidentId, testNow],
    );
    expect(overduePlan.join(' ')).toContain('cases_board_recheck');
    const reviewPlan = plan(
      d,
      `SELECT count(*) FROM cases c WHERE c.incident_id = ? AND ${reReviewSql}`,
      [d.incidentId],
    );
    expect(reviewPlan.join(' ')).toContain('cases_board_review');
  });

  it('is for the commander and the leads, not for a technologist', async () => {
    d = await demoIncident(three);
    await signInAs(d.rt, 'clinical_lead');
    expect(await d.rt.client().call('board.get', { incidentId: d.incidentId })).toMatchObject({
      ok: true,
    });
    await signInAs(d.rt, 'technologist');
    expect(await d.rt.client().call('board.get', { incidentId: d.incidentId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await signInAs(d.rt, 'incident_commander');
    expect(await d.rt.client().call('board.get', { incidentId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('replays the state counts over time from the case history', async () => {
    d = await demoIncident(three);
    d.rt.clock.advance(10 * 60_000);
    await signInAs(d.rt, 'incident_commander'); // the idle station locked meanwhile
    await d.api.value('cases.transition', { caseId: d.caseOf('NM-0001'), target: 'assessing' });
    d.rt.clock.advance(10 * 60_000);
    await signInAs(d.rt, 'incident_commander');
    const { points } = await d.api.value('board.timeline', { incidentId: d.incidentId });
    expect(points.map((p) => [p.countsByState.at_risk, p.countsByState.assessing])).toEqual([
      [3, 0],
      [2, 1],
      [2, 1],
    ]);
    expect(points[1]?.at).toBe('2017-08-03T09:10:00.000Z');
  });
});
