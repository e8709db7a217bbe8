import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { caseStates, type CaseState, type Hics251Status } from '../../api/domains/cases';
import { csvAnchorPrefix } from '../audit/anchor-files';
import { demoIncident, testNow, type DemoIncident } from '../cases/test/case-test-setup';
import { hics251Reasons } from './hics251';

let d: DemoIncident;
afterEach(() => d.rt.cleanup());

/** PRODUCT.md: what each state means for patients on the HICS 251 form. */
const expectedStatus: Record<CaseState, Hics251Status> = {
  at_risk: 'fully_functional',
  assessing: 'fully_functional',
  protected_connected: 'fully_functional',
  deferred: 'fully_functional',
  standalone: 'partially_functional',
  patching: 'non_functional',
  verifying: 'non_functional',
  reconnecting: 'partially_functional',
  returned_to_service: 'fully_functional',
  quarantined: 'non_functional',
  restoring: 'non_functional',
};

describe('HICS 251 Facility System Status', () => {
  it('maps every workflow state to its status and reason (one table, every state)', async () => {
    d = await demoIncident(['NM-0001']);
    const caseId = d.caseOf('NM-0001');
    const seen: [CaseState, Hics251Status][] = [];
    for (const state of caseStates) {
      d.rt.services.db
        .prepare(`UPDATE cases SET state = ?, recheck_at = ? WHERE id = ?`)
        .run(state, state === 'deferred' ? '2017-08-03T11:00:00.000Z' : null, caseId);
      const report = await d.api.value('reports.hics251', { incidentId: d.incidentId });
      expect(report.rows).toHaveLength(1);
      const row = report.rows[0];
      seen.push([state, row?.status ?? 'fully_functional']);
      expect(row).toMatchObject({ caseId, state, reason: hics251Reasons[state] });
      expect(row?.system).toMatch(/^Siemens .+ \(asset NM-0001\)$/);
      expect(row?.location).not.toBe('');
      expect(row?.comments).toContain('ICSMA-17-215-02 revision');
      expect(row?.estimatedReturn).toBe(state === 'deferred' ? '2017-08-03T11:00:00.000Z' : null);
      expect(report.totals[expectedStatus[state]]).toBe(1);
      expect(report.header).toMatchObject({
        incident: { id: d.incidentId, name: 'Test response' },
        preparedBy: { role: 'incident_commander' },
        preparedAt: testNow,
        timeZone: 'Europe/Zurich',
      });
    }
    expect(seen).toEqual(caseStates.map((s) => [s, expectedStatus[s]]));
  });

  it('exports CSV with spreadsheet formulas neutralised', async () => {
    d = await demoIncident(['NM-0001', 'NM-0003']);
    d.rt.services.db
      .prepare(`UPDATE devices SET department = '=HYPERLINK("http://x","y")' WHERE asset_tag = ?`)
      .run('NM-0003');
    const csv = await d.api.value('reports.csv', { incidentId: d.incidentId, report: 'hics251' });
    expect(csv.fileName).toBe('hics251-Test-response-2017-08-03.csv');
    expect(csv.rowCount).toBe(2);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'System,Asset tag,Status,Location,Reason,Estimated return,Comments,Workflow state',
    );
    expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv.text).toContain(`(=HYPERLINK`); // inside the location text: not at a cell start
    d.rt.services.db
      .prepare(`UPDATE devices SET vendor = '=cmd', model = NULL WHERE asset_tag = ?`)
      .run('NM-0003');
    const again = await d.api.value('reports.csv', { incidentId: d.incidentId, report: 'hics251' });
    expect(again.text).toContain(`"'=cmd (asset NM-0003)"`);
  });
});

describe('report CSVs', () => {
  it('write every time as ISO 8601 in the facility’s zone, with its offset', async () => {
    d = await demoIncident(['NM-0001']);
    d.rt.services.db
      .prepare(`UPDATE cases SET state = 'deferred', recheck_at = ? WHERE id = ?`)
      .run('2017-08-03T11:00:00.000Z', d.caseOf('NM-0001'));
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
    const cells = async (report: 'hics251' | 'hics214' | 'timeline', column: string) => {
      const csv = await d.api.value('reports.csv', { incidentId: d.incidentId, report });
      const { data } = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), {
        skipEmptyLines: true,
      });
      // The last line is the chain anchor, a comment to spreadsheet readers.
      const [head, ...rows] = data.filter((r) => !r[0]?.startsWith(csvAnchorPrefix));
      const at = head?.indexOf(column) ?? -1;
      expect(at).toBeGreaterThanOrEqual(0);
      return rows.map((r) => r[at] ?? '');
    };
    // Zurich in August is UTC+02:00: the re-check at 11:00 UTC is 13:00 there.
    expect(await cells('hics251', 'Estimated return')).toEqual(['2017-08-03T13:00:00+02:00']);
    for (const report of ['hics214', 'timeline'] as const) {
      const times = await cells(report, 'Time');
      expect(times.length).toBeGreaterThan(0);
      for (const time of times) expect(time).toMatch(iso);
    }
  });
});
