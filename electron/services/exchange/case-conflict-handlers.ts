import type { caseConflictMethods } from '../../api/domains/case-conflicts';
import type { HandlerMap } from '../core/handler';
import { chooseStation, listConflicts } from './case-conflicts';

export const caseConflictHandlers: HandlerMap<keyof typeof caseConflictMethods> = {
  'conflicts.list': ({ incidentId }, { services }) => listConflicts(services.db, incidentId),
  'conflicts.choose': (input, ctx) => chooseStation(ctx, input),
};
