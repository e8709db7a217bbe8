import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testNow } from '../cases/test/case-test-setup';
import { fixturesDir, startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import type { ApiClient } from '../../api/client';
import { germanError } from '../../api/test/german-words';

const operator = { kind: 'operator', osUser: 'test' } as const;
const kevFile = path.join(fixturesDir, 'kev', 'known_exploited_vulnerabilities.json');
const kevText = fs.readFileSync(kevFile, 'utf8');

let rt: TestRuntime;
afterEach(() => rt.cleanup());

/** The value of a call that must succeed, typed from the API map. */
const call: ApiClient['value'] = (method, input) => rt.client(operator).value(method, input);

function stored(): { kev: number; entries: number; epss: number; scores: number } {
  const n = (sql: string) => rt.services.db.prepare(sql).pluck().get() as number;
  return {
    kev: n('SELECT count(*) FROM kev_catalogs'),
    entries: n('SELECT count(*) FROM kev_entries'),
    epss: n('SELECT count(*) FROM epss_sets'),
    scores: n('SELECT count(*) FROM epss_scores'),
  };
}

interface Catalog {
  catalogVersion: string;
  dateReleased: string;
  count: number;
  vulnerabilities: Record<string, unknown>[];
}
const realCatalog = JSON.parse(kevText) as Catalog;

/** A smaller catalog from the real one's first entries, count kept true. */
function smallCatalog(n: number, version = '2025.08.20', released = '2025-08-20T17:00:00.000Z') {
  const vulnerabilities = realCatalog.vulnerabilities.slice(0, n);
  return {
    ...realCatalog,
    catalogVersion: version,
    dateReleased: released,
    count: n,
    vulnerabilities,
  };
}

function epssFile(rows: [string, number, number][], date = '2025-08-25T12:55:00Z'): string {
  return [
    `#model_version:v2025.03.14,score_date:${date}`,
    'cve,epss,percentile',
    ...rows.map(([c, e, p]) => `${c},${e.toFixed(5)},${p.toFixed(5)}`),
  ].join('\n');
}

describe('KEV and EPSS, imported offline', () => {
  it('imports the real KEV catalog, versioned, and answers for CVE-2015-1635', async () => {
    rt = startTestRuntime(testNow);
    const r = await call('threats.importKev', {
      fileName: 'known_exploited_vulnerabilities.json',
      content: kevText,
    });
    expect(r).toMatchObject({ outcome: 'imported', catalogVersion: '2025.08.25', count: 1404 });
    const again = await call('threats.importKev', {
      fileName: 'kev.json',
      content: kevText,
    });
    expect(again.outcome).toBe('unchanged');
    const [known, unknown] = await call('threats.forCves', {
      cves: ['CVE-2015-1635', 'CVE-2015-1497'],
    });
    expect(known?.kev).toMatchObject({ catalogVersion: '2025.08.25' });
    expect(known?.kev?.dateAdded).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(unknown?.kev).toBeNull();
    const status = await call('threats.status', {});
    expect(status.kev?.catalogVersion).toBe('2025.08.25');
    // An older catalog cannot replace the current one.
    const older = await rt.client(operator).call('threats.importKev', {
      fileName: 'old.json',
      content: JSON.stringify(smallCatalog(3, '2024.01.02', '2024-01-02T10:00:00Z')),
    });
    expect(older).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a mutated KEV file naming the field or line, storing nothing (property)', async () => {
    rt = startTestRuntime(testNow);
    const base = smallCatalog(12);
    const required = ['cveID', 'vendorProject', 'product', 'vulnerabilityName', 'dateAdded'];
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('drop' as const),
        i: fc.nat(11),
        field: fc.constantFrom(...required, 'dueDate', 'requiredAction', 'shortDescription'),
      }),
      fc.record({
        kind: fc.constant('cve' as const),
        i: fc.nat(11),
        value: fc.constantFrom('CVE-15-1635', 'cve-2015-1635', '2015-1635', '', 'CVE-2015-16'),
      }),
      fc.record({
        kind: fc.constant('date' as const),
        i: fc.nat(11),
        value: fc.constantFrom('2022/03/25', '25.03.2022', 'yesterday', ''),
      }),
      fc.record({ kind: fc.constant('count' as const), delta: fc.integer({ min: 1, max: 50 }) }),
      fc.record({
        kind: fc.constant('top' as const),
        field: fc.constantFrom('catalogVersion', 'dateReleased', 'count', 'vulnerabilities'),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.integer({ min: 1, max: 2000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const doc = structuredClone(base) as Catalog & Record<string, unknown>;
        let text: string;
        let names: RegExp;
        switch (m.kind) {
          case 'drop':
            Reflect.deleteProperty(doc.vulnerabilities[m.i] ?? {}, m.field);
            names = new RegExp(`vulnerabilities\\[${m.i}\\]\\.${m.field}`);
            break;
          case 'cve':
            (doc.vulnerabilities[m.i] as Record<string, unknown>).cveID = m.value;
            names = new RegExp(`vulnerabilities\\[${m.i}\\]\\.cveID`);
            break;
          case 'date':
            (doc.vulnerabilities[m.i] as Record<string, unknown>).dateAdded = m.value;
            names = new RegExp(`vulnerabilities\\[${m.i}\\]\\.dateAdded`);
            break;
          case 'count':
            doc.count += m.delta;
            names = /Field count/;
            break;
          case 'top':
            Reflect.deleteProperty(doc, m.field);
            names = new RegExp(`Field ${m.field}`);
            break;
          case 'truncate':
            names = /not valid JSON at line \d+, column \d+/;
            break;
        }
        text = JSON.stringify(doc, null, 2);
        if (m.kind === 'truncate') text = text.slice(0, Math.min(m.at, text.length - 1));
        const before = stored();
        const r = await rt.client(operator).call('threats.importKev', {
          fileName: 'kev.json',
          content: text,
        });
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toMatch(names);
        expect(r.error.message).toContain('Nothing was stored');
        // A German station reads the same refusal in German, naming the same field or line.
        const german = germanError(r.error.details) ?? '';
        expect(german).toMatch(/^kev\.json: .*Nichts wurde gespeichert\.$/);
        expect(german).not.toMatch(/\b(Field|must|missing|listed|valid|Nothing|line)\b/);
        if (m.kind === 'truncate') expect(german).toMatch(/Zeile \d+, Spalte \d+/);
        else if (m.kind !== 'count' && m.kind !== 'top') expect(german).toMatch(names);
        expect(stored()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('imports EPSS in its real format and refuses a malformed line by number, storing nothing (property)', async () => {
    rt = startTestRuntime(testNow);
    const rows: [string, number, number][] = Array.from({ length: 40 }, (_, i) => [
      `CVE-2015-${String(1600 + i).padStart(4, '0')}`,
      (i + 1) / 50,
      (i + 1) / 41,
    ]);
    const good = epssFile(rows);
    expect(await call('threats.importEpss', { fileName: 'epss.csv', content: good })).toMatchObject(
      {
        outcome: 'imported',
        scoreDate: '2025-08-25T12:55:00Z',
        rows: 40,
      },
    );
    const [one] = await call('threats.forCves', { cves: ['CVE-2015-1635'] });
    expect(one?.epss).toMatchObject({ score: 0.72, scoreDate: '2025-08-25T12:55:00Z' });
    expect(one?.epss?.percentile).toBeCloseTo(36 / 41, 4);

    const lines = good.split('\n');
    const broken = fc.oneof(
      fc.record({
        line: fc.integer({ min: 3, max: 42 }),
        value: fc.constantFrom(
          'CVE-2015-1635,1.5,0.2',
          'CVE-2015-1635,0.1',
          'nonsense',
          'CVE-2015-1635,abc,0.3',
          'CVE-2015-1635,0.1,0.2,0.3',
          'CVE 2015 1635,0.1,0.2',
          'CVE-2015-1635,-0.1,0.2',
        ),
      }),
      fc.record({
        line: fc.constantFrom(1, 2),
        value: fc.constantFrom(
          '#model_version:v1',
          'cve,score,percentile',
          '',
          'model_version:v1,score_date:2025-08-26',
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(broken, async ({ line, value }) => {
        const mutated = [...lines];
        mutated[line - 1] = value;
        const before = stored();
        const r = await rt.client(operator).call('threats.importEpss', {
          fileName: 'epss.csv',
          content: mutated.join('\n').replace('score_date:2025-08-25', 'score_date:2025-08-26'),
        });
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.message).toMatch(new RegExp(`^epss\\.csv: line ${line}\\b`));
        expect(germanError(r.error.details)).toMatch(new RegExp(`^epss\\.csv: Zeile ${line}\\b`));
        expect(stored()).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('flags the open cases of a CVE that a newer catalog adds, like a new advisory revision', async () => {
    rt = startTestRuntime(testNow);
    await call('demo.load', {});
    await call('demo.walkthrough', {});
    const without = {
      ...realCatalog,
      catalogVersion: '2025.08.22',
      dateReleased: '2025-08-22T17:00:00.000Z',
      vulnerabilities: realCatalog.vulnerabilities.filter((v) => v.cveID !== 'CVE-2015-1635'),
    };
    without.count = without.vulnerabilities.length;
    const first = await call('threats.importKev', {
      fileName: 'older.json',
      content: JSON.stringify(without),
    });
    expect(first.casesFlagged).toBe(0);
    const newer = await call('threats.importKev', {
      fileName: 'known_exploited_vulnerabilities.json',
      content: kevText,
    });
    expect(newer.casesFlagged).toBeGreaterThan(0);
    const list = (await call('cases.list', {})).cases;
    const flagged = list.filter((c) => c.flags.includes('kev_re_review'));
    expect(flagged.length).toBe(newer.casesFlagged);
    // Only the open ICSMA-17-215-02 cases (CVE-2015-1635); the case returned to service is not.
    expect(
      flagged.every((c) => c.trackingId === 'ICSMA-17-215-02' && c.state !== 'returned_to_service'),
    ).toBe(true);

    // Their priority says so in words, and the board sorted by priority puts them first.
    const priorities = await call('threats.priorities', {});
    const byCase = new Map(list.map((c) => [c.caseId, c]));
    const top = priorities[0];
    expect(byCase.get(top?.caseId ?? 0)?.trackingId).toBe('ICSMA-17-215-02');
    expect(top?.knownExploited).toEqual(['CVE-2015-1635']);
    expect(top?.priorityReasons[0]).toMatch(
      /^known exploited since \d{4}-\d{2}-\d{2} \(CVE-2015-1635\)$/,
    );
    const incidentId = list[0]?.incidentId ?? 0;
    const board = await call('board.get', {
      incidentId,
      sort: { key: 'priority', direction: 'desc' },
    });
    const open = board.rows.filter((r) => r.priority !== null);
    expect(open[0]?.advisory.trackingId).toBe('ICSMA-17-215-02');
    expect(open[0]?.priority?.knownExploited).toEqual(['CVE-2015-1635']);
    const values = open.map((r) => r.priority?.value ?? 0);
    expect(values).toEqual([...values].sort((a, b) => b - a));

    // In any other order, each open case on the page still carries its priority.
    const byTag = await call('board.get', { incidentId, limit: 5 });
    const expected = new Map(priorities.map((p) => [p.caseId, p.priority]));
    const shown = byTag.rows.filter((r) => r.state !== 'returned_to_service');
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) expect(row.priority?.value).toBe(expected.get(row.caseId));
  });
});
