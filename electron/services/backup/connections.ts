import Database from 'better-sqlite3';
import type { Services } from '../core/context';
import { openDatabase } from '../db/open';

export interface ConnectionOptions {
  /** Inside Electron, the better-sqlite3 build for Electron's ABI (as the runtime was given). */
  nativeBinding?: string;
}

const registered = new WeakMap<Services, ConnectionOptions>();

/**
 * The runtime says how it opens databases, so that backups and restores open theirs the same
 * way (inside Electron the default better-sqlite3 build would not even load).
 */
export function registerConnectionOptions(services: Services, options: ConnectionOptions): void {
  registered.set(services, options);
}

export function connectionOptionsOf(services: Services): ConnectionOptions {
  return registered.get(services) ?? {};
}

/** A connection to a file that is not the live database: a backup, or a copy being made. */
export function openOtherDatabase(
  file: string,
  options: ConnectionOptions & { readonly?: boolean },
): Database.Database {
  return new Database(file, {
    fileMustExist: true,
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/** Open the live database file again (with its migrations), as the runtime first opened it. */
export function reopenLiveDatabase(file: string, options: ConnectionOptions): Database.Database {
  return openDatabase(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
}
