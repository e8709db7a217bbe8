import { systemActor } from '../electron/services/audit/append';
import type { MutateContext } from '../electron/services/core/context';
import { exportInventory } from '../electron/services/inventory/inventory-export';
import { importInventory, previewInventory } from '../electron/services/inventory/inventory-import';
import { startServices } from '../electron/services/runtime';
import { benchDir, figure, time, type BenchSuite, type Figure } from './harness';
import { generateInventoryCsv } from './inventory-data';

const rows = 100_000;

/** Inventory import of a generated 100,000-row CSV (one transaction, one audit event). */
export const inventoryBench: BenchSuite = {
  name: 'inventory',
  run() {
    const figures: Figure[] = [];
    const { dir, cleanup } = benchDir();
    const runtime = startServices({ dataDir: dir });
    try {
      const csv = generateInventoryCsv(rows);
      const ctx: MutateContext = { services: runtime.services, actor: systemActor };
      const file = { fileName: 'generated.csv', content: csv };

      const preview = time(() => previewInventory(ctx, file));
      if (preview.value.validRowCount !== rows)
        throw new Error('generated rows should all be valid');
      figures.push(
        figure(
          `inventory preview, ${rows / 1000}k rows (${(csv.length / 1e6).toFixed(1)} MB)`,
          preview.ms,
          'ms',
        ),
      );

      const first = time(() => importInventory(ctx, file));
      if (first.value.added !== rows)
        throw new Error(`expected ${rows} added, got ${first.value.added}`);
      figures.push(
        figure(`inventory import, ${rows / 1000}k new rows`, first.ms, 'ms', { atMost: 3000 }),
      );

      const again = time(() => importInventory(ctx, file));
      if (again.value.unchanged !== rows)
        throw new Error('re-import should leave every device unchanged');
      figures.push(
        figure(`inventory re-import, ${rows / 1000}k unchanged rows`, again.ms, 'ms', {
          atMost: 3000,
        }),
      );

      const exported = time(() => exportInventory(runtime.services.db, 'csv', new Date()));
      figures.push(figure(`inventory CSV export, ${rows / 1000}k devices`, exported.ms, 'ms'));
    } finally {
      runtime.close();
      cleanup();
    }
    return figures;
  },
};
