import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendAuditEvent, type Actor, type AuditInput } from '../audit/append';
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
}

/** Who is calling. The system actor until people (sign-in) exist on the call. */
export interface CallContext {
  services: Services;
  actor: Actor;
}

/**
 * Run a change and write its audit event in the same transaction: both commit, or neither.
 * `fn` returns the value and the audit event describing what it did.
 */
export function mutate<T>(
  ctx: CallContext,
  fn: () => { value: T; audit: Omit<AuditInput, 'actor'> | Omit<AuditInput, 'actor'>[] },
): T {
  const { db, clock } = ctx.services;
  return db.transaction(() => {
    const { value, audit } = fn();
    const time = clock.now();
    for (const event of Array.isArray(audit) ? audit : [audit]) {
      appendAuditEvent(db, time, { ...event, actor: ctx.actor });
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
