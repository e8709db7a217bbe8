import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePriority } from '../../api/domains/threats';
import { demoIncident, type DemoIncident } from '../cases/test/case-test-setup';
import { auditSince } from '../people/test/test-calls';
import { fixturesDir, signInAs } from '../test/temp-runtime';
import { germanError } from '../../api/test/german-words';

/**
 * A newer KEV catalog that adds a CVE of an open case flags the case (kev_re_review); biomed or
 * IT security acknowledge it against that catalog version, and the acknowledgement is history.
 */
const kevText = fs.readFileSync(
  path.join(fixturesDir, 'kev', 'known_exploited_vulnerabilities.json'),
  'utf8',
);
const operator = { kind: 'operator', osUser: 'test' } as const;

let d: DemoIncident;
beforeAll(async () => {
  d = await demoIncident(['NM-0001', 'NM-0003']);
  const real = JSON.parse(kevText) as { vulnerabilities: { cveID: string }[]; count: number };
  const older = {
    ...real,
    catalogVersion: '2025.08.22',
    dateReleased: '2025-08-22T17:00:00.000Z',
    vulnerabilities: real.vulnerabilities.filter((v) => v.cveID !== 'CVE-2015-1635'),
  };
  older.count = older.vulnerabilities.length;
  for (const content of [JSON.stringify(older), kevText]) {
    const r = await d.rt.client(operator).call('threats.importKev', {
      fileName: 'kev.json',
      content,
    });
    if (!r.ok) throw new Error(r.error.message);
  }
}, 240_000);
afterAll(() => d.rt.cleanup());

describe('acknowledging a KEV re-review', () => {
  it('shows the flag on the case with its catalog and CVEs', async () => {
    const c = await d.api.value('cases.get', { caseId: d.caseOf('NM-0001') });
    expect(c.flags).toContain('kev_re_review');
    expect(c.kevReview).toMatchObject({
      catalogVersion: '2025.08.25',
      knownExploited: ['CVE-2015-1635'],
    });
  });

  it('is refused to the commander, and against another catalog version', async () => {
    await signInAs(d.rt, 'incident_commander');
    const caseId = d.caseOf('NM-0001');
    const asCommander = await d.api.call('threats.acknowledgeCase', {
      caseId,
      catalogVersion: '2025.08.25',
    });
    expect(asCommander.ok).toBe(false);
    await signInAs(d.rt, 'biomed');
    const wrong = await d.api.call('threats.acknowledgeCase', {
      caseId,
      catalogVersion: '2025.08.22',
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      // The field is named in details (for the form), not as a code in the sentence.
      expect(wrong.error.message).toMatch(/^The case of .* flagged by KEV catalog 2025\.08\.25/);
      expect(wrong.error.details).toMatchObject({ field: 'catalogVersion' });
      expect(germanError(wrong.error.details)).toMatch(/vom KEV-Katalog 2025\.08\.25 markiert/);
    }
    const still = await d.api.value('cases.get', { caseId });
    expect(still.flags).toContain('kev_re_review');
  });

  it('clears the flag when biomed acknowledges it, recorded in history and the audit trail', async () => {
    await signInAs(d.rt, 'biomed');
    const caseId = d.caseOf('NM-0001');
    await d.api.value('threats.acknowledgeCase', {
      caseId,
      catalogVersion: '2025.08.25',
      note: 'Device sits on the isolated segment.',
    });
    const c = await d.api.value('cases.get', { caseId });
    expect(c.flags).not.toContain('kev_re_review');
    expect(c.kevReview).toBeNull();
    expect(c.history.at(-1)).toMatchObject({
      event: 'review_acknowledged',
      detail: { kevCatalog: '2025.08.25', note: 'Device sits on the isolated segment.' },
    });
    const acknowledged = auditSince(d.rt).filter(
      (e) => e.action === 'case.kev_review_acknowledged',
    );
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]?.payload).toMatchObject({ kevCatalog: '2025.08.25' });
    // The other flagged case is untouched; acknowledging twice is refused.
    const other = await d.api.value('cases.get', { caseId: d.caseOf('NM-0003') });
    expect(other.flags).toContain('kev_re_review');
    const again = await d.api.call('threats.acknowledgeCase', {
      caseId,
      catalogVersion: '2025.08.25',
    });
    expect(again.ok).toBe(false);
  });

  it('gives one case its priority with reasons when asked by case', async () => {
    const caseId = d.caseOf('NM-0003');
    const [p, ...rest] = (await d.api.value('threats.priorities', { caseId })) as CasePriority[];
    expect(rest).toEqual([]);
    expect(p?.caseId).toBe(caseId);
    expect(p?.knownExploited).toEqual(['CVE-2015-1635']);
  });

  it('lists the top ten open cases by priority in the HICS briefing', async () => {
    await signInAs(d.rt, 'incident_commander');
    const briefing = await d.api.value('reports.briefing', { incidentId: d.incidentId });
    const all = (await d.api.value('threats.priorities', {
      incidentId: d.incidentId,
    })) as CasePriority[];
    expect(briefing.topPriorities.map((p) => p.caseId)).toEqual(
      all.slice(0, 10).map((p) => p.caseId),
    );
    const first = briefing.topPriorities[0];
    expect(first?.trackingId).toBe('ICSMA-17-215-02');
    expect(first?.knownExploited).toEqual(['CVE-2015-1635']);
    expect(first?.reasons[0]).toMatch(/^known exploited since /);
  });
});
