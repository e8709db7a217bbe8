/**
 * `npm run bench [suite…]`: runs the benchmark suites, prints their figures and writes them to
 * bench-results/bench.json. Benchmarks are separate from tests: tests never assert on time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { advisoriesBench } from './advisories.bench';
import { auditBench } from './audit.bench';
import { backupBench } from './backup.bench';
import { boardBench } from './board.bench';
import { casesBench } from './cases.bench';
import { devicesPageBench } from './devices-page.bench';
import { exchangeBench } from './exchange.bench';
import { peopleBench } from './people.bench';
import type { BenchSuite, Figure } from './harness';
import { inventoryBench } from './inventory.bench';
import { pdfBench } from './pdf.bench';
import { replayBench } from './replay.bench';
import { threatsBench } from './threats.bench';
import { verifyPdfBench } from './verify-pdf.bench';

const suites: BenchSuite[] = [
  auditBench,
  peopleBench,
  pdfBench,
  inventoryBench,
  advisoriesBench,
  backupBench,
  casesBench,
  boardBench,
  devicesPageBench,
  replayBench,
  verifyPdfBench,
  exchangeBench,
  threatsBench,
];

const wanted = process.argv.slice(2);
// Figures taken on a busy machine mislead: record the load average beside them.
const loadBefore = os.loadavg();
console.log(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
const selected = wanted.length ? suites.filter((s) => wanted.includes(s.name)) : suites;
const results: Record<string, Figure[]> = {};
for (const suite of selected) {
  console.log(`\n== ${suite.name}`);
  const figures = await suite.run();
  results[suite.name] = figures;
  for (const f of figures) {
    const verdict = f.target ? ` (target ${f.target}: ${f.met ? 'met' : 'NOT met'})` : '';
    console.log(`  ${f.name}: ${f.value.toLocaleString('en-US')} ${f.unit}${verdict}`);
  }
}
const outDir = path.resolve(import.meta.dirname, '..', 'bench-results');
fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, 'bench.json');
const previous = fs.existsSync(out)
  ? (JSON.parse(fs.readFileSync(out, 'utf8')) as { suites?: Record<string, Figure[]> })
  : {};
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        node: process.version,
        platform: process.platform,
        loadAverageBefore: loadBefore,
        loadAverageAfter: os.loadavg(),
      },
      suites: { ...previous.suites, ...results },
    },
    null,
    2,
  ) + '\n',
);
console.log(
  `\nload average after: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`Figures written to ${out}`);
