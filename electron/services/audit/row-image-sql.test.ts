import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoundTable } from './bound-tables';
import { canonicalJson } from './hash';
import { imageValues } from './row-image-forms';
import { imageTextSql } from './row-image-sql';
import { rowImage, type SqlValue } from './row-images';

/** Values as a change binds them: text of every kind, integers (as BigInt), reals, blobs. */
const bound: fc.Arbitrary<string | number | bigint | Buffer | null> = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }),
  fc.double({ noNaN: true }),
  fc.constantFrom(Infinity, -Infinity, -0, 0.5, 1e21),
  fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a)),
);

const declaredTypes = ['', 'TEXT', 'INTEGER', 'REAL', 'NUMERIC'] as const;

const column = fc.record({
  name: fc.string({ minLength: 1, maxLength: 10, unit: 'grapheme' }),
  type: fc.constantFrom(...declaredTypes),
});

describe('a row written by SQLite', () => {
  it('is exactly the canonical JSON of the values of the image rowImage builds, or left to JavaScript', () => {
    const tableAndRows = fc
      .uniqueArray(column, {
        minLength: 1,
        maxLength: 8,
        // SQLite's column names are case-insensitive (ASCII); `__proto__` cannot be a key of an
        // image (see event-text.test.ts).
        selector: (c) => c.name.toLowerCase(),
      })
      .filter((columns) => columns.every((c) => c.name !== '__proto__'))
      .chain((columns) =>
        fc.tuple(
          fc.constant(columns),
          fc.array(fc.tuple(...columns.map(() => bound)), { minLength: 1, maxLength: 5 }),
        ),
      );
    fc.assert(
      fc.property(tableAndRows, ([columns, rows]) => {
        const db = new Database(':memory:');
        try {
          const quoted = (n: string) => `"${n.replace(/"/g, '""')}"`;
          db.exec(
            `CREATE TABLE t (${columns.map((c) => `${quoted(c.name)} ${c.type}`).join(', ')})`,
          );
          const insert = db.prepare(`INSERT INTO t VALUES (${columns.map(() => '?').join(', ')})`);
          for (const row of rows) insert.run(...row);
          const table: BoundTable = {
            name: 'devices',
            columns: columns.map((c) => ({ name: c.name, kind: 'value' })),
            key: [],
          };
          const sql = imageTextSql(table, 'r');
          if (sql === null) throw new Error('a table of plain values has an SQL image');
          const images = db
            .prepare(`SELECT rowid, ${sql} FROM t r ORDER BY rowid`)
            .raw(true)
            .all() as [number, string | null][];
          const kindsOf = db
            .prepare(
              `SELECT ${columns.map((c) => `typeof(${quoted(c.name)})`).join(', ')} FROM t WHERE rowid = ?`,
            )
            .raw(true);
          for (const [rowid, image] of images) {
            const values = db.prepare('SELECT * FROM t WHERE rowid = ?').get(rowid) as Record<
              string,
              SqlValue
            >;
            const kinds = kindsOf.get(rowid) as string[];
            // Only a row holding a value SQLite cannot write as JavaScript does is left to it.
            const plain =
              !kinds.includes('real') &&
              Object.values(values).every(
                (v) => v === null || typeof v === 'string' || Number.isSafeInteger(v),
              );
            expect(image === null).toBe(!plain);
            if (image !== null)
              expect(image).toBe(canonicalJson(imageValues(table, rowImage(table, values))));
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('is not written for a table with digests or blobs', () => {
    const table = (kind: 'blob' | 'digest'): BoundTable => ({
      name: 'users',
      columns: [
        { name: 'id', kind: 'value' },
        { name: 'secret', kind },
      ],
      key: ['id'],
    });
    expect(imageTextSql(table('digest'), 'r')).toBeNull();
    expect(imageTextSql(table('blob'), 'r')).toBeNull();
  });
});
