import type { signingMethods } from '../../api/domains/signing';
import type { HandlerMap } from '../core/handler';

export const signingHandlers: HandlerMap<keyof typeof signingMethods> = {};
