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
  'exchange.import': async ({ files }, { services }) => {
    const report = await importBundles(services, files);
    rememberImports(services, report);
    return report;
  },
  'exchange.verify': (_input, { services }) => verifyStationChains(services),
  'exchange.status': (_input, { services }) => exchangeStatus(services),
  'exchange.setFolder': async ({ folder }, ctx) => {
    setExchangeFolder(ctx, folder);
    await syncFolder(ctx.services);
    return exchangeStatus(ctx.services);
  },
  'exchange.syncFolder': async (_input, { services }) => {
    await syncFolder(services);
    return exchangeStatus(services);
  },
};
