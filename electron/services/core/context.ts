import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiClient } from '../../api/client';
import type { Role } from '../../api/permissions';
import { appendAuditEvent, type Actor, type AuditInput } from '../audit/append';
import type { SessionStore } from '../people/session-store';
import type { Clock } from './clock';
import type { Logger } from './log';

/** What every handler can reach: one database connection (the only writer), time, log, files. */
export interface Services {
  db: Database.Database;
  dataDir: string;
  databaseFile: string;
  resourcesDir: string;
  log: Logger;
  clock: Clock;
  /** Who is signed in at the station this process serves. */
  sessions: SessionStore;
  /**
   * A client for a station of its own, with its own session, on these services (the demo
   * walkthrough signs the demo users in there, leaving whoever is signed in here as they are).
   * The runtime provides it, so no handler imports the dispatcher that imports every handler.
   */
  newStation(): ApiClient;
}

/**
 * Where a call comes from: the station (the app's window, or browser mode), where a
 * signed-in person's session decides; or the command line, an operator with file access on this
 * machine, audited under their OS user name and never able to give a sign-off.
 */
export type Caller = { kind: 'station' } | { kind: 'operator'; osUser: string };

export const stationCaller: Caller = { kind: 'station' };

/** The person signed in at the station for this call. */
export interface SignedInUser {
  id: number;
  displayName: string;
  roles: Role[];
  /** The role chosen for the session. */
  role: Role;
}

/**
 * Who is calling. `actor` is what the audit trail records: the signed-in user with the role that
 * authorised this call, `operator` for the CLI, `anonymous` at a station where no one is signed in.
 */
export interface CallContext {
  services: Services;
  actor: Actor;
  caller: Caller;
  user: SignedInUser | null;
}

/** What mutate needs: tests and start-up code may pass just services and an actor. */
export type MutateContext = Pick<CallContext, 'services' | 'actor'> & { caller?: Caller };

/**
 * Run a change and write its audit event in the same transaction: both commit, or neither.
 * `fn` returns the value and the audit event describing what it did.
 */
export function mutate<T>(
  ctx: MutateContext,
  fn: () => { value: T; audit: Omit<AuditInput, 'actor'> | Omit<AuditInput, 'actor'>[] },
): T {
  const { db, clock } = ctx.services;
  return db.transaction(() => {
    const { value, audit } = fn();
    const time = clock.now();
    const operator = ctx.caller?.kind === 'operator' ? ctx.caller.osUser : undefined;
    for (const event of Array.isArray(audit) ? audit : [audit]) {
      // The chain's actor fields hold a user id and a role; the operator's OS user name (the
      // only name the CLI has) travels in the payload.
      const payload =
        operator === undefined ? event.payload : { ...event.payload, operatorOsUser: operator };
      appendAuditEvent(db, time, { ...event, payload, actor: ctx.actor });
    }
    return value;
  })();
}

/** The shipped `resources/` folder: explicit, else from the environment, else found upwards. */
export function findResourcesDir(explicit?: string): string {
  if (explicit) return explicit;
  if (process.env.STANDALONE_RESOURCES_DIR) return process.env.STANDALONE_RESOURCES_DIR;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'demo'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('The resources folder of Standalone was not found');
    dir = parent;
  }
}
