import type { caseRequestMethods } from '../../api/domains/case-requests';
import type { HandlerMap } from '../core/handler';
import { listRequests } from './case-requests';

export const caseRequestHandlers: HandlerMap<keyof typeof caseRequestMethods> = {
  'requests.list': ({ refusedOnly }, { services }) =>
    listRequests(services.db, refusedOnly ?? false),
};
