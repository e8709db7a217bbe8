import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sampleCaseDocument } from '../electron/services/pdf/sample-documents';
import { exportSignedPdf } from '../electron/services/pdf/sign';
import { startServices } from '../electron/services/runtime';
import { setUpSigningIdentity } from '../electron/services/signing/test-identity';
import { benchDir, figure, median, type BenchSuite, type Figure } from './harness';

const warmRuns = 20;
const batchSize = 1000;
const mb = (bytes: number) => bytes / (1024 * 1024);

/** A full collection before a memory reading, so that growth means memory still held. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * A signed case-like PDF (8 sections, 60 items, 6 sign-offs, 20 history lines, ~7 pages):
 * one warm export, and a batch of 1,000 written to disk as a bulk export would.
 */
export const pdfBench: BenchSuite = {
  name: 'pdf',
  async run() {
    const figures: Figure[] = [];
    const { dir, cleanup } = benchDir();
    const rt = startServices({ dataDir: path.join(dir, 'data') });
    try {
      await setUpSigningIdentity(rt);
      const now = rt.services.clock.now();
      const model = (i: number) =>
        sampleCaseDocument(now, { assetTag: `NM-${String(i).padStart(5, '0')}` });

      // Warm-up: fonts parsed, signer built, code paths compiled.
      for (let i = 0; i < 5; i++) await exportSignedPdf(rt.services, model(i));
      const samples: number[] = [];
      let size = 0;
      for (let i = 0; i < warmRuns; i++) {
        const start = performance.now();
        size = (await exportSignedPdf(rt.services, model(i))).length;
        samples.push(performance.now() - start);
      }
      figures.push(
        figure('signed case PDF, warm (median of 20)', median(samples), 'ms', { atMost: 150 }),
      );
      figures.push(figure('signed case PDF size', size / 1024, 'KiB'));

      const outDir = path.join(dir, 'batch');
      fs.mkdirSync(outDir);
      collectGarbage();
      const before = process.memoryUsage();
      const cpuBefore = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < batchSize; i++) {
        const pdf = await exportSignedPdf(rt.services, model(i));
        fs.writeFileSync(path.join(outDir, `case-${i}.pdf`), pdf);
      }
      const seconds = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      collectGarbage();
      const after = process.memoryUsage();
      figures.push(figure('1,000 signed case PDFs, one batch', seconds, 's', { atMost: 90 }));
      // CPU time of this process: what the batch costs when the machine is shared.
      figures.push(
        figure('CPU time per PDF in the batch', (cpu.user + cpu.system) / 1000 / batchSize, 'ms'),
      );
      figures.push(
        figure('RSS growth over the batch', mb(after.rss - before.rss), 'MB', { atMost: 100 }),
      );
      figures.push(
        figure('heap growth over the batch', mb(after.heapUsed - before.heapUsed), 'MB'),
      );
    } finally {
      rt.close();
      cleanup();
    }
    return figures;
  },
};
