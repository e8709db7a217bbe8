import type { inventoryMethods } from '../../api/domains/inventory';
import type { HandlerMap } from '../core/handler';
import { exportInventory } from './inventory-export';
import { importInventory, previewInventory } from './inventory-import';

export const inventoryHandlers: HandlerMap<keyof typeof inventoryMethods> = {
  'inventory.preview': (input, ctx) => previewInventory(ctx, input),
  'inventory.import': (input, ctx) => importInventory(ctx, input),
  'inventory.export': ({ format }, { services }) =>
    exportInventory(services.db, format, services.clock.now()),
};
