import path from 'node:path';
import type { Clock } from './core/clock';
import { systemClock } from './core/clock';
import { findResourcesDir, type Services } from './core/context';
import { resolveDataDir } from './core/data-dir';
import { createFileLogger, type Logger } from './core/log';
import { databaseFileName, openDatabase } from './db/open';
import { createDispatcher, type Dispatch } from './dispatcher';

export interface StartOptions {
  dataDir?: string;
  resourcesDir?: string;
  nativeBinding?: string;
  clock?: Clock;
  log?: Logger;
}

export interface Runtime {
  services: Services;
  dispatch: Dispatch;
  close(): void;
}

/** Open the database in the data folder and build the dispatcher over it. */
export function startServices(options: StartOptions = {}): Runtime {
  const dataDir = resolveDataDir(options.dataDir);
  const databaseFile = path.join(dataDir, databaseFileName);
  const log = options.log ?? createFileLogger(dataDir);
  const db = openDatabase(
    databaseFile,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  const services: Services = {
    db,
    dataDir,
    databaseFile,
    resourcesDir: findResourcesDir(options.resourcesDir),
    log,
    clock: options.clock ?? systemClock,
  };
  log.info('services started', { databaseFile });
  return {
    services,
    dispatch: createDispatcher(services),
    close: () => {
      if (db.open) db.close();
    },
  };
}
