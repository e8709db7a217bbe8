import type { incidentMethods } from '../../api/domains/incidents';
import type { HandlerMap } from '../core/handler';
import { incidentCases } from './incident-cases';
import { closeIncident, createIncident, getIncident, listIncidents } from './incident-store';

export const incidentHandlers: HandlerMap<keyof typeof incidentMethods> = {
  'incidents.create': (input, ctx) => createIncident(ctx, input),
  'incidents.list': (input, ctx) =>
    listIncidents(ctx.services.db, input.status, ctx.services.clock.now()),
  'incidents.get': (input, ctx) => getIncident(ctx.services.db, input.id, ctx.services.clock.now()),
  'incidents.cases': (input, ctx) => incidentCases(ctx, input),
  'incidents.close': (input, ctx) => closeIncident(ctx, input),
};
