import type { caseMethods } from '../../api/domains/cases';
import type { HandlerMap } from '../core/handler';
import { answerCase, getCaseDetail, transitionCase } from './case-actions';
import { acknowledgeRevision, addDeviceToIncident, assignCases } from './case-decisions';
import { transferCase } from '../exchange/case-transfer';
import { casesOfDevice, listCases } from './case-list';

export const caseHandlers: HandlerMap<keyof typeof caseMethods> = {
  'cases.list': (input, ctx) => listCases(ctx, input),
  'cases.findByAssetTag': (input, ctx) =>
    casesOfDevice(ctx.services.db, input.incidentId, input.assetTag),
  'cases.get': (input, ctx) => getCaseDetail(ctx, input.caseId),
  'cases.answer': (input, ctx) => answerCase(ctx, input),
  'cases.transition': (input, ctx) => transitionCase(ctx, input),
  'cases.quarantine': (input, ctx) =>
    transitionCase(ctx, { caseId: input.caseId, target: 'quarantined', reason: input.reason }),
  'cases.assign': (input, ctx) => assignCases(ctx, input),
  'cases.transfer': (input, ctx) => transferCase(ctx, input),
  'cases.acknowledgeRevision': (input, ctx) => acknowledgeRevision(ctx, input),
  'cases.addDevice': (input, ctx) => addDeviceToIncident(ctx, input),
};
