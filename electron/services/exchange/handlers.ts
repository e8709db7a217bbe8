import type { exchangeMethods } from '../../api/domains/exchange';
import type { HandlerMap } from '../core/handler';
import { exportBundle } from './export';
import { importBundles } from './import';
import { verifyStationChains } from './verify-chains';

export const exchangeHandlers: HandlerMap<keyof typeof exchangeMethods> = {
  'exchange.export': ({ outDir }, { services }) => exportBundle(services, outDir),
  'exchange.import': ({ files }, { services }) => importBundles(services, files),
  'exchange.verify': (_input, { services }) => verifyStationChains(services),
};
