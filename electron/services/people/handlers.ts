import type { peopleMethods } from '../../api/domains/people';
import type { HandlerMap } from '../core/handler';

export const peopleHandlers: HandlerMap<keyof typeof peopleMethods> = {};
