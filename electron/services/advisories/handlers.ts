import type { advisoryMethods } from '../../api/domains/advisories';
import type { HandlerMap } from '../core/handler';
import { explainNonMatches } from '../matching/match-explain';
import { confirmMatches, decideMatch, listMatches, runMatching } from '../matching/match-store';
import { getAdvisory, listAdvisories } from './advisory-store';
import { importAdvisory } from './csaf-import';

export const advisoryHandlers: HandlerMap<keyof typeof advisoryMethods> = {
  'advisories.import': (input, ctx) => importAdvisory(ctx, input),
  'advisories.list': ({ search }, { services }) => listAdvisories(services.db, search),
  'advisories.get': ({ id }, { services }) => getAdvisory(services.db, id),
  'matches.run': (_input, ctx) => runMatching(ctx),
  'matches.list': (input, { services }) => listMatches(services.db, input),
  'matches.explain': ({ deviceId }, { services }) =>
    explainNonMatches(services.db, services.resourcesDir, deviceId),
  'matches.confirm': ({ id, reason }, ctx) => decideMatch(ctx, id, 'confirmed', reason),
  'matches.confirmMany': ({ ids, reason }, ctx) => confirmMatches(ctx, ids, reason),
  'matches.dismiss': ({ id, reason }, ctx) => decideMatch(ctx, id, 'dismissed', reason),
};
