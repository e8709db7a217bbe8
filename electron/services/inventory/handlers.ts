import type { inventoryMethods } from '../../api/domains/inventory';
import { systemActor } from '../audit/append';
import { issueAnchor } from '../audit/anchors';
import type { HandlerMap } from '../core/handler';
import { recordExport } from '../audit/export-event';
import { exportInventory } from './inventory-export';
import { importInventory, previewInventory } from './inventory-import';

export const inventoryHandlers: HandlerMap<keyof typeof inventoryMethods> = {
  'inventory.preview': (input, ctx) => previewInventory(ctx, input),
  'inventory.import': (input, ctx) => importInventory(ctx, input),
  'inventory.export': ({ format }, ctx) => {
    const { services } = ctx;
    const now = services.clock.now();
    const anchor =
      format === 'json'
        ? issueAnchor(
            { services, actor: systemActor },
            { kind: 'json', name: `inventory-${now.toISOString().slice(0, 10)}.json` },
          )
        : null;
    const exported = exportInventory(services.db, format, now, anchor);
    recordExport(
      ctx,
      format,
      { entityType: 'inventory', entityId: null },
      {
        document: 'inventory',
        fileName: exported.fileName,
        devices: exported.deviceCount,
      },
    );
    return exported;
  },
};
