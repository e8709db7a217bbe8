import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testNow } from '../cases/test/case-test-setup';
import { databaseFileName } from '../db/open';
import { reportGenerated, soakRuns, soakTimeout } from '../test/soak';
import { startTestRuntime, walkThroughDemo, type TestRuntime } from '../test/temp-runtime';
import { boundTables } from './bound-tables';
import { verifyRecords } from './replay-check';

/**
 * Generated changes behind the chain's back (a raw UPDATE of one field, or a DELETE of one row,
 * of any bound table) on a walked-through demo database: the replay check reports every one,
 * naming the table. Each change is rolled back before the next.
 */
let rt: TestRuntime;
let db: Database.Database;
let tried = 0;

beforeAll(async () => {
  rt = startTestRuntime(testNow);
  await walkThroughDemo(rt);
  rt.close();
  db = new Database(path.join(rt.dir, databaseFileName));
  db.pragma('foreign_keys = OFF');
}, 240_000);

afterAll(() => {
  reportGenerated('replay check (generated tampering)', tried);
  db.close();
  rt.cleanup();
});

describe('the replay check against generated tampering', () => {
  it('an untouched walkthrough verifies', () => {
    expect(verifyRecords(db).ok).toBe(true);
  });

  it(
    'reports every raw change to a bound table, naming the table',
    () => {
      const tables = boundTables(db).filter(
        (t) => (db.prepare(`SELECT count(*) FROM ${t.name}`).pluck().get() as number) > 0,
      );
      const change = fc.record({
        table: fc.constantFrom(...tables),
        row: fc.nat(),
        column: fc.nat(),
        value: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null)),
        remove: fc.boolean(),
      });
      fc.assert(
        fc.property(change, ({ table, row, column, value, remove }) => {
          tried++;
          // By primary key: some bound tables are WITHOUT ROWID.
          const where = table.key.map((k) => `${k} = ?`).join(' AND ');
          const keys = db
            .prepare(`SELECT ${table.key.join(', ')} FROM ${table.name}`)
            .raw(true)
            .all() as unknown[][];
          const rowid = keys[row % keys.length] ?? [];
          const col = table.columns[column % table.columns.length]?.name ?? '';
          const before = db
            .prepare(`SELECT ${col} FROM ${table.name} WHERE ${where}`)
            .pluck()
            .get(...rowid);
          // A value equal to the stored one changes nothing: nothing to find.
          fc.pre(remove || (before !== value && !(typeof before === 'bigint')));
          db.exec('SAVEPOINT tamper');
          try {
            try {
              if (remove) db.prepare(`DELETE FROM ${table.name} WHERE ${where}`).run(...rowid);
              else
                db.prepare(`UPDATE ${table.name} SET ${col} = ? WHERE ${where}`).run(
                  value,
                  ...rowid,
                );
            } catch {
              // A constraint (NOT NULL, CHECK, UNIQUE, STRICT types) refused the change: no change.
              fc.pre(false);
            }
            // A value the column's affinity stores as the one already there ("1" in an INTEGER
            // column is 1) changes nothing either.
            if (!remove) {
              const after = db
                .prepare(`SELECT ${col} FROM ${table.name} WHERE ${where}`)
                .pluck()
                .get(...rowid);
              fc.pre(after !== before);
            }
            const report = verifyRecords(db);
            expect(report.ok).toBe(false);
            expect(report.records?.problems.map((p) => p.table)).toContain(table.name);
          } finally {
            db.exec('ROLLBACK TO tamper; RELEASE tamper');
          }
        }),
        { numRuns: soakRuns(30, 5_000) },
      );
    },
    soakTimeout(3_600_000),
  );
});
