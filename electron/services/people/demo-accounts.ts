import type Database from 'better-sqlite3';
import type { AuditInput } from '../audit/append';
import type { Actor } from '../audit/append';
import { wordedError } from '../core/errors';

/**
 * The demo accounts' PINs are printed in the README: once the station holds real people or real
 * devices, anyone could sign as a demo clinical lead. So the demo accounts are switched off, in
 * the same transaction and with their own audit event, when the first real administrator is
 * created or a real person (or the command line) imports an inventory.
 */

export type DemoRetirementCause = 'real_administrator_created' | 'real_inventory_imported';

export function activeDemoAccountCount(db: Database.Database): number {
  return db
    .prepare('SELECT count(*) FROM users WHERE demo = 1 AND active = 1')
    .pluck()
    .get() as number;
}

/** The accounts of real people (not demo), oldest first. */
export function realUserNames(db: Database.Database): string[] {
  return db
    .prepare('SELECT display_name FROM users WHERE demo = 0 ORDER BY id')
    .pluck()
    .all() as string[];
}

/**
 * The demo facility (and its accounts with public PINs) is loaded only before any real person
 * has an account: beside real accounts, its sign-offs could be given by anyone who read the
 * README. Training uses a fresh data folder instead.
 */
export function assertNoRealUsers(db: Database.Database): void {
  const names = realUserNames(db);
  if (names.length === 0) return;
  throw wordedError(
    'conflict',
    names.length === 1 ? 'demoHasRealUsers' : 'demoHasRealUsersMore',
    { name: names[0] ?? '', more: names.length - 1 },
    { reason: 'real_users', realUsers: names.length },
  );
}

/** Whether the change is by a demo account (a demo user trying the import stays in the demo). */
export function actsAsDemoAccount(db: Database.Database, actor: Actor): boolean {
  if (actor.userId === null) return false;
  return db.prepare('SELECT demo FROM users WHERE id = ?').pluck().get(actor.userId) === 1;
}

/**
 * Deactivate every active demo account; inside the caller's transaction. Returns the audit event
 * to write with the change (none when no demo account was active).
 */
export function deactivateDemoAccounts(
  db: Database.Database,
  now: string,
  cause: DemoRetirementCause,
): Omit<AuditInput, 'actor'>[] {
  const ids = db
    .prepare('SELECT id FROM users WHERE demo = 1 AND active = 1 ORDER BY id')
    .pluck()
    .all() as number[];
  if (ids.length === 0) return [];
  db.prepare('UPDATE users SET active = 0, updated_at = ? WHERE demo = 1 AND active = 1').run(now);
  return [
    {
      action: 'demo.accounts_deactivated',
      entityType: 'user',
      entityId: null,
      payload: { cause, userIds: ids },
    },
  ];
}
