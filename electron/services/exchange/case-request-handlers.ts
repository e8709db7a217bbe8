import type { caseRequestMethods } from '../../api/domains/case-requests';
import type { HandlerMap } from '../core/handler';
import { listRequests, sendRequests } from './case-requests';

export const caseRequestHandlers: HandlerMap<keyof typeof caseRequestMethods> = {
  'requests.list': ({ refusedOnly }, { services }) =>
    listRequests(services.db, refusedOnly ?? false),
  'requests.assign': ({ remoteCases, assigneeStaffId }, ctx) =>
    sendRequests(ctx, { kind: 'assign', assigneeStaffId }, remoteCases),
};
