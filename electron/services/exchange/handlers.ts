import type { exchangeMethods } from '../../api/domains/exchange';
import type { HandlerMap } from '../core/handler';
import { exchangeStatus } from './exchange-status';
import { exportBundle } from './export';
import { setExchangeFolder } from './folder-settings';
import { rememberImports, syncFolder } from './folder-sync';
import { importBundles } from './import';
import { verifyStationChains } from './verify-chains';

export const exchangeHandlers: HandlerMap<keyof typeof exchangeMethods> = {
  'exchange.export': ({ outDir }, { services }) => exportBundle(services, outDir),
  'exchange.import': ({ files }, { services }) => {
    const report = importBundles(services, files);
    rememberImports(services, report);
    return report;
  },
  'exchange.verify': (_input, { services }) => verifyStationChains(services),
  'exchange.status': (_input, { services }) => exchangeStatus(services),
  'exchange.setFolder': ({ folder }, ctx) => {
    setExchangeFolder(ctx, folder);
    syncFolder(ctx.services);
    return exchangeStatus(ctx.services);
  },
  'exchange.syncFolder': (_input, { services }) => {
    syncFolder(services);
    return exchangeStatus(services);
  },
};
