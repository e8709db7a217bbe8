import type { inventoryMethods } from '../../api/domains/inventory';
import type { HandlerMap } from '../core/handler';
import { recordExport } from '../audit/export-event';
import { exportInventory } from './inventory-export';
import { importInventory, previewInventory } from './inventory-import';

export const inventoryHandlers: HandlerMap<keyof typeof inventoryMethods> = {
  'inventory.preview': (input, ctx) => previewInventory(ctx, input),
  'inventory.import': (input, ctx) => importInventory(ctx, input),
  'inventory.export': ({ format }, ctx) => {
    const exported = exportInventory(ctx.services.db, format, ctx.services.clock.now());
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
