import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir } from '../electron/services/test/temp-runtime';
import { dayShift, startBenchIncident, benchOperator as operator } from './bench-incident';
import { buildIncident } from './board.bench';
import { figure, median, timeAsync, type BenchSuite, type Figure } from './harness';
const epssRows = 300_000;
const runs = 3;

/**
 * An EPSS file in FIRST's published format: the model/score-date comment line, the header, then
 * one row per CVE with five-decimal probability and percentile. The CVE IDs of the real KEV
 * catalog come first, so the priorities below see real EPSS hits; the rest are distinct IDs of
 * the same shape. Deterministic, so every run imports the same bytes.
 */
export function epssFile(rows: number, scoreDate: string, kevCves: readonly string[]): string {
  const lines = [`#model_version:v2025.03.14,score_date:${scoreDate}`, 'cve,epss,percentile'];
  const seen = new Set<string>();
  let s = 7;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const add = (cve: string) => {
    if (seen.has(cve)) return;
    seen.add(cve);
    const epss = next() ** 4;
    lines.push(`${cve},${epss.toFixed(5)},${next().toFixed(5)}`);
  };
  for (const cve of kevCves) if (seen.size < rows) add(cve);
  for (let i = 0; seen.size < rows; i++) {
    add(`CVE-${1999 + (i % 27)}-${String(10000 + Math.floor(i / 27)).padStart(5, '0')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * KEV and EPSS: importing the full real KEV catalog; importing an EPSS file of 300,000 rows;
 * the priorities of 10,000 open cases (the board's incident) with both imported.
 */
export const threatsBench: BenchSuite = {
  name: 'threats',
  async run() {
    const figures: Figure[] = [];
    const b = await startBenchIncident('Threats bench', dayShift.at, dayShift.period);
    const { rt, db, incidentId } = b;
    try {
      buildIncident(b);
      // The board's facility returns some cases to service; the target is 10,000 open ones.
      db.prepare(
        `UPDATE cases SET state = 'standalone' WHERE incident_id = ? AND state = 'returned_to_service'`,
      ).run(incidentId);
      db.exec('ANALYZE');

      // Each run a newer catalog version of the same real entries, so each is a full import.
      const kevText = fs.readFileSync(
        path.join(fixturesDir, 'kev', 'known_exploited_vulnerabilities.json'),
        'utf8',
      );
      const kev = JSON.parse(kevText) as { vulnerabilities: { cveID: string }[] };
      const asOperator = rt.client(operator);
      const kevMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const content = kevText
          .replace(/"catalogVersion":\s*"[^"]*"/, `"catalogVersion": "2025.09.0${i + 1}"`)
          .replace(
            /"dateReleased":\s*"[^"]*"/,
            `"dateReleased": "2025-09-0${i + 1}T17:00:00.000Z"`,
          );
        const { ms } = await timeAsync(() =>
          asOperator.value('threats.importKev', {
            fileName: 'known_exploited_vulnerabilities.json',
            content,
          }),
        );
        kevMs.push(ms);
      }
      figures.push(
        figure(
          `import the full KEV catalog (${kev.vulnerabilities.length.toLocaleString('en-US')} entries), median of ${runs}`,
          median(kevMs),
          'ms',
          { atMost: 500 },
        ),
      );

      const cves = kev.vulnerabilities.map((v) => v.cveID);
      const epssMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const content = epssFile(epssRows, `2025-09-0${i + 1}T12:55:00Z`, cves);
        const { ms } = await timeAsync(() =>
          asOperator.value('threats.importEpss', {
            fileName: `epss_scores-2025-09-0${i + 1}.csv`,
            content,
          }),
        );
        epssMs.push(ms);
      }
      figures.push(
        figure(
          `import an EPSS file of ${epssRows.toLocaleString('en-US')} rows, median of ${runs}`,
          median(epssMs),
          'ms',
          { atMost: 3000 },
        ),
      );

      const prioMs: number[] = [];
      let count = 0;
      for (let i = 0; i < 5; i++) {
        const { ms, value } = await timeAsync(() =>
          rt.client().value('threats.priorities', { incidentId }),
        );
        prioMs.push(ms);
        count = value.length;
      }
      figures.push(
        figure(
          `priorities of ${count.toLocaleString('en-US')} open cases, median of 5`,
          median(prioMs),
          'ms',
          { atMost: 300 },
        ),
      );
      return figures;
    } finally {
      b.close();
    }
  },
};
