import type Database from 'better-sqlite3';

/**
 * Whether this station still holds one of its own cases: the one rule every count, list, report
 * and flag of "this station's cases" reads. A case stops being held here when it is handed to
 * another station (`transferred_to`, case-transfer.ts) or when the commander chose another
 * station to hold its device and advisory in a conflict (`case_held_elsewhere`,
 * conflict-choices.ts). Either way it stays here read-only, as the record of what was done, and
 * counts at the station that holds it now (the command post sees that one in the replica).
 *
 * `alias` names the `cases` table in the caller's SQL (`c`, or `cases` when it has no alias); it
 * is always one of our constants, never a value from a caller.
 */
export function heldHereSql(alias = 'c'): string {
  return `(${alias}.transferred_to IS NULL
    AND ${alias}.id NOT IN (SELECT case_id FROM case_held_elsewhere))`;
}

/** The rule over `cases c`, as most queries name the table. */
export const heldHere = heldHereSql('c');

/** The rule while no case of this station is held elsewhere: only handed-on cases are not. */
export const notHandedOn = 'c.transferred_to IS NULL';

/**
 * Whether the commander gave any of this station's cases to another station. The board's SQL
 * tests for such cases only then (`notHandedOn` otherwise): any further term tips SQLite's
 * planner of a small incident from the board's indexes to a scan (board.test.ts).
 */
export function anyHeldElsewhere(db: Database.Database): boolean {
  return db.prepare('SELECT 1 FROM case_held_elsewhere LIMIT 1').get() !== undefined;
}
