import type { HandlerMap } from '../core/handler';
import { loadDemoFacility } from './demo-facility';

/**
 * Loading the demo facility writes devices, demo users, advisories and settings in one
 * transaction, so it is a service of its own rather than a series of API calls.
 */
export const seedHandlers: HandlerMap<'demo.load'> = {
  'demo.load': (input, ctx) => loadDemoFacility(ctx, input.language),
};
