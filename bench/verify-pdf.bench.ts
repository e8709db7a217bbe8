import { operator } from '../electron/services/pdf/test/demo-exports';
import { exportCase } from '../electron/services/pdf/exports';
import { appendMany } from './audit.bench';
import { withDemoExports } from './pdf-cases';
import { figure, median, timeAsync, type BenchSuite, type Figure } from './harness';

const events = 1_000_000;
const runs = 3;

/**
 * verify-pdf of a signed case PDF on a database of a million audit events, through the API as
 * the CLI calls it. The PDF is exported after the events were added, so its audit reference is
 * at the end of the chain: the chain check and the record rebuilt as of that event read it all.
 */
export const verifyPdfBench: BenchSuite = {
  name: 'verify-pdf',
  run: () =>
    withDemoExports(async ({ rt, source }) => {
      const figures: Figure[] = [];
      const { db } = rt.services;
      const have = db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
      appendMany(db, events - have);
      const { pdf } = await exportCase(rt.services, source);
      const total = db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
      const input = { fileName: 'NM-0001.pdf', base64: pdf.toString('base64') };
      const samples: number[] = [];
      const cpuSamples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const cpuBefore = process.cpuUsage();
        const { ms, value } = await timeAsync(() =>
          rt.client(operator).call('exports.verifyPdf', input),
        );
        const report = value.ok ? value.value : null;
        if (!report?.valid) {
          throw new Error(
            `verify-pdf did not find the PDF valid: ${JSON.stringify(value.ok ? report?.problems : value.error)}`,
          );
        }
        samples.push(ms);
        const cpu = process.cpuUsage(cpuBefore);
        cpuSamples.push((cpu.user + cpu.system) / 1000);
      }
      figures.push(
        figure(
          `verify-pdf, signed case PDF, ${total.toLocaleString('en-US')}-event database (median of ${runs})`,
          median(samples),
          'ms',
        ),
      );
      // CPU time of this process: what the check costs when the machine is shared.
      figures.push(
        figure('verify-pdf CPU time, 1M-event database (median)', median(cpuSamples), 'ms'),
      );
      return figures;
    }),
};
