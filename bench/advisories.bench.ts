import fs from 'node:fs';
import path from 'node:path';
import { loadMatchableAdvisories } from '../electron/services/advisories/advisory-store';
import { importAdvisory } from '../electron/services/advisories/csaf-import';
import { validateCsaf } from '../electron/services/advisories/csaf-validate';
import { systemActor } from '../electron/services/audit/append';
import type { MutateContext } from '../electron/services/core/context';
import { importInventory } from '../electron/services/inventory/inventory-import';
import { loadAliasTables } from '../electron/services/matching/alias-tables';
import { loadMatchableDevices, runMatching } from '../electron/services/matching/match-store';
import { createMatcher } from '../electron/services/matching/matcher';
import { startServices } from '../electron/services/runtime';
import { benchDir, figure, median, time, type BenchSuite, type Figure } from './harness';
import { fixturesDir, generateInventoryCsv } from './inventory-data';

const devices = 100_000;

function fixtureFiles(): string[] {
  const dir = path.join(fixturesDir, 'csaf');
  return [
    ...fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(dir, f)),
    ...fs
      .readdirSync(path.join(dir, 'non-icsma'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(dir, 'non-icsma', f)),
  ];
}

/** Import of every fixture advisory, and matching 100,000 devices against them. */
export const advisoriesBench: BenchSuite = {
  name: 'advisories',
  async run() {
    const figures: Figure[] = [];
    const { dir, cleanup } = benchDir();
    const runtime = startServices({ dataDir: dir });
    try {
      const ctx: MutateContext = { services: runtime.services, actor: systemActor };
      const files = fixtureFiles();
      const contents = files.map((f) => ({
        fileName: path.basename(f),
        content: fs.readFileSync(f),
      }));
      // The validator compiles its schemas when first used: once per process, reported apart.
      const load = process.hrtime.bigint();
      await validateCsaf({});
      const loadMs = Number(process.hrtime.bigint() - load) / 1e6;
      figures.push(figure('CSAF validator load (first import of a process only)', loadMs, 'ms'));
      const start = process.hrtime.bigint();
      for (const c of contents) {
        const r = await importAdvisory(ctx, c);
        if (r.outcome !== 'imported')
          throw new Error(`${c.fileName}: ${r.outcome} ${r.messages.join(' ')}`);
      }
      const importMs = Number(process.hrtime.bigint() - start) / 1e6;
      figures.push(
        figure(
          `advisory import, all ${files.length} fixture files (validate + store)`,
          importMs,
          'ms',
        ),
      );

      importInventory(ctx, { fileName: 'generated.csv', content: generateInventoryCsv(devices) });
      const tables = loadAliasTables(runtime.services.resourcesDir);
      const advisories = loadMatchableAdvisories(runtime.services.db);
      const matchable = loadMatchableDevices(runtime.services.db);
      // The first run in a process includes compiling the alias tables and JIT warm-up.
      const runs = [0, 1, 2].map(() =>
        time(() => createMatcher(tables, advisories).matchAll(matchable)),
      );
      const count = runs[0]?.value.length ?? 0;
      const label = `matching ${devices / 1000}k devices × ${files.length} advisories (${count} matches)`;
      figures.push(figure(`${label}, first run`, runs[0]?.ms ?? 0, 'ms', { atMost: 1000 }));
      figures.push(
        figure(`${label}, median of 3`, median(runs.map((r) => r.ms)), 'ms', { atMost: 1000 }),
      );
      const run = time(() => runMatching(ctx));
      figures.push(
        figure(
          `matches.run, ${devices / 1000}k devices, first run (read, match, write)`,
          run.ms,
          'ms',
        ),
      );
      const rerun = time(() => runMatching(ctx));
      if (rerun.value.unchanged !== run.value.added)
        throw new Error('a rerun should change nothing');
      figures.push(
        figure(`matches.run, ${devices / 1000}k devices, rerun (nothing changed)`, rerun.ms, 'ms'),
      );
    } finally {
      runtime.close();
      cleanup();
    }
    return figures;
  },
};
