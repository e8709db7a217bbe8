import type { advisoryMethods } from '../../api/domains/advisories';
import type { HandlerMap } from '../core/handler';

export const advisoryHandlers: HandlerMap<keyof typeof advisoryMethods> = {};
