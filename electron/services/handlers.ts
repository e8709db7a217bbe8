import type { MethodName } from '../api/methods';
import type { HandlerMap } from './core/handler';
import { deviceHandlers } from './devices/handlers';
import { systemHandlers } from './system/handlers';

/** Every method's handler; the type makes a missing one a compile error. */
export const handlers: HandlerMap<MethodName> = {
  ...systemHandlers,
  ...deviceHandlers,
};
