import type { HandlerMap } from '../core/handler';
import { runDemoWalkthrough } from './walkthrough';

export const demoHandlers: HandlerMap<'demo.walkthrough'> = {
  'demo.walkthrough': (_input, ctx) => runDemoWalkthrough(ctx),
};
