import path from 'node:path';
import { collectGarbage } from '../electron/services/core/heap';
import { waitForJob, startCaseBatch } from '../electron/services/pdf/batch-export';
import { exportCase } from '../electron/services/pdf/exports';
import { figure, median, type BenchSuite, type Figure } from './harness';
import { cloneCase, withDemoExports } from './pdf-cases';

const warmRuns = 20;
const batchSize = 1000;
const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * Real device case PDFs from the database: the demo facility after the walkthrough, whose NM-0001
 * went all the way to returned_to_service (9 sections, 6 sign-offs, 8 history lines, 6 pages),
 * copied 1,000 times. One warm export (read the case, build, render, sign), and the batch export
 * the UI starts (exports.casePdfs: one file per case into a folder).
 */
export const pdfBench: BenchSuite = {
  name: 'pdf',
  run: () =>
    withDemoExports(async ({ rt, dir, source }) => {
      const figures: Figure[] = [];
      const ids = cloneCase(rt.services.db, source, batchSize, rt.services.clock.now());

      // Warm-up: fonts parsed, signer built, statements prepared, code paths compiled.
      for (let i = 0; i < 5; i++) await exportCase(rt.services, ids[i] ?? source);
      const samples: number[] = [];
      let size = 0;
      for (let i = 0; i < warmRuns; i++) {
        const start = performance.now();
        size = (await exportCase(rt.services, ids[i] ?? source)).pdf.length;
        samples.push(performance.now() - start);
      }
      figures.push(
        figure('signed case PDF from the database, warm (median of 20)', median(samples), 'ms', {
          atMost: 150,
        }),
      );
      figures.push(figure('signed case PDF size', size / 1024, 'KiB'));

      // A full collection before each memory reading, so that growth means memory still held.
      collectGarbage();
      const before = process.memoryUsage();
      const cpuBefore = process.cpuUsage();
      const start = performance.now();
      const job = startCaseBatch(rt.services, ids, path.join(dir, 'batch'));
      const done = await waitForJob(rt.services, job.jobId);
      const seconds = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      if (done.state !== 'done' || done.files.length !== batchSize) {
        throw new Error(
          `the batch stopped: ${done.state}, ${done.files.length} files, ${done.error ?? done.failures[0]?.message ?? ''}`,
        );
      }
      collectGarbage();
      const after = process.memoryUsage();
      figures.push(
        figure('1,000 signed case PDFs from the database, one batch', seconds, 's', {
          atMost: 90,
        }),
      );
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
      return figures;
    }),
};
