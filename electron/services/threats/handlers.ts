import type { threatMethods } from '../../api/domains/threats';
import type { HandlerMap } from '../core/handler';
import { acknowledgeKevReview } from './kev-review';
import { casePriorities } from './priority';
import { priorityReasonText } from './priority-words';
import { importEpss, importKev, threatStatus, threatsForCves } from './threat-store';

export const threatHandlers: HandlerMap<keyof typeof threatMethods> = {
  'threats.importKev': (input, ctx) => importKev(ctx, input),
  'threats.importEpss': (input, ctx) => importEpss(ctx, input),
  'threats.status': (_input, { services }) => threatStatus(services.db),
  'threats.priorities': ({ incidentId, caseId }, { services }) =>
    [...casePriorities(services.db, incidentId, caseId)]
      .map(([caseId, p]) => ({
        caseId,
        priority: p.priority,
        priorityReasons: p.reasons.map((r) => priorityReasonText(r)),
        reasonCodes: p.reasons,
        knownExploited: p.knownExploited,
      }))
      .sort((a, b) => b.priority - a.priority || a.caseId - b.caseId),
  'threats.acknowledgeCase': (input, ctx) => acknowledgeKevReview(ctx, input),
  'threats.forCves': ({ cves }, { services }) => threatsForCves(services.db, cves),
};
