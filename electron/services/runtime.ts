import path from 'node:path';
import { startReplayCheck } from './audit/start-check';
import { openOtherDatabase, registerConnectionOptions } from './backup/connections';
import { startBackupScheduler } from './backup/scheduler';
import type { Clock } from './core/clock';
import { systemClock } from './core/clock';
import { findResourcesDir, type Caller, type Services } from './core/context';
import { resolveDataDir } from './core/data-dir';
import { ServiceError } from './core/errors';
import type { Logger } from './core/log';
import { databaseFileName, openDatabase } from './db/open';
import type { ApiClient } from '../api/client';
import type { ApiError } from '../api/result';
import { createDispatcher, type CallAs, type Dispatch, type DispatchAs } from './dispatcher';
import { createSessionStore } from './people/session-store';
import { endSessionsLeftOpen } from './people/sessions-left-open';
import { loadWorkflowResources } from './cases/workflow-resources';
import { openFileLog } from './storage/storage-errors';
import { defaultPollMs, startFolderExchange } from './exchange/folder-sync';

export { restoreWithoutServices } from './backup/offline-restore';
export type { Caller } from './core/context';

/**
 * Why the services could not start on a data folder, as an API error (a damaged database, one
 * from a newer version, a folder that cannot be written), or undefined for an unexpected failure.
 */
export function describeStartFailure(error: unknown): ApiError | undefined {
  if (!(error instanceof ServiceError)) return undefined;
  return error.details === undefined
    ? { code: error.code, message: error.message }
    : { code: error.code, message: error.message, details: error.details };
}

export interface StartOptions {
  dataDir?: string;
  resourcesDir?: string;
  nativeBinding?: string;
  clock?: Clock;
  log?: Logger;
  /** Check every minute whether an automatic backup is due (default true; off in settings). */
  backupScheduler?: boolean;
  /** Replay the audit trail against the records in the background (default true). */
  replayCheckAtStart?: boolean;
  /**
   * How often to pass over the shared exchange folder when one is set (default every 2 s), or
   * false for none (the command line, and tests that drive each pass themselves).
   */
  folderExchangePollMs?: number | false;
  /**
   * Record as ended the sessions an earlier process left open (see sessions-left-open.ts): for
   * the station processes (the app's services, browser mode), not the command line, which may run
   * beside a station.
   */
  endSessionsLeftOpen?: boolean;
}

export interface Runtime {
  services: Services;
  /** A call from this process's station: whoever is signed in there is the caller. */
  dispatch: Dispatch;
  /** A call from an explicit caller, e.g. the CLI's operator. */
  dispatchAs: DispatchAs;
  /** A typed call from an explicit caller. */
  callAs: CallAs;
  /**
   * The typed client every in-process caller uses (CLI, tests, benches): results typed from the
   * API map. Without a caller it calls as this process's station.
   */
  client(caller?: Caller): ApiClient;
  close(): void;
}

/** Open the database in the data folder and build the dispatcher over it. */
export function startServices(options: StartOptions = {}): Runtime {
  const dataDir = resolveDataDir(options.dataDir);
  const databaseFile = path.join(dataDir, databaseFileName);
  const log = options.log ?? openFileLog(dataDir);
  const connection = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const db = openDatabase(databaseFile, connection);
  const services: Services = {
    db,
    dataDir,
    databaseFile,
    resourcesDir: findResourcesDir(options.resourcesDir),
    log,
    clock: options.clock ?? systemClock,
    // In memory: a restarted services process starts signed out (drafts are in the database).
    sessions: createSessionStore(),
    newStation: () => createDispatcher({ ...services, sessions: createSessionStore() }).client(),
  };
  try {
    // Playbook templates and the radionuclide table, validated once: an invalid file stops the
    // start here, naming the file and field, rather than a case at the scanner later.
    loadWorkflowResources(services.resourcesDir);
  } catch (error) {
    db.close();
    throw error;
  }
  // A restore reopens the database file the way it was opened here, and swaps services.db.
  registerConnectionOptions(services, connection);
  if (options.endSessionsLeftOpen) {
    // A database that cannot be written now (a full disk) still opens: its calls say why.
    try {
      endSessionsLeftOpen(services);
    } catch (error) {
      log.warn('sessions left open by an earlier process could not be recorded as ended', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const scheduler = options.backupScheduler === false ? null : startBackupScheduler(services);
  const replayCheck =
    options.replayCheckAtStart === false
      ? null
      : startReplayCheck(services, () =>
          openOtherDatabase(databaseFile, { ...connection, readonly: true }),
        );
  const folderExchange =
    options.folderExchangePollMs === false
      ? null
      : startFolderExchange(services, options.folderExchangePollMs ?? defaultPollMs);
  log.info('services started', { databaseFile });
  return {
    services,
    ...createDispatcher(services),
    close: () => {
      scheduler?.stop();
      replayCheck?.stop();
      folderExchange?.stop();
      if (services.db.open) services.db.close();
    },
  };
}
