import type { inventoryMethods } from '../../api/domains/inventory';
import type { HandlerMap } from '../core/handler';

export const inventoryHandlers: HandlerMap<keyof typeof inventoryMethods> = {};
