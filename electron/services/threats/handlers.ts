import type { threatMethods } from '../../api/domains/threats';
import type { HandlerMap } from '../core/handler';
import { importEpss, importKev, threatStatus, threatsForCves } from './threat-store';

export const threatHandlers: HandlerMap<keyof typeof threatMethods> = {
  'threats.importKev': (input, ctx) => importKev(ctx, input),
  'threats.importEpss': (input, ctx) => importEpss(ctx, input),
  'threats.status': (_input, { services }) => threatStatus(services.db),
  'threats.forCves': ({ cves }, { services }) => threatsForCves(services.db, cves),
};
