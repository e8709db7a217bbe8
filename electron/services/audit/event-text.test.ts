import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutate } from '../core/context';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { systemActor } from './append';
import { boundTables, type BoundTable, type ColumnKind } from './bound-tables';
import { canonicalText, canonicalTextAround } from './canonical-json';
import { EventBodyWriter } from './event-body';
import { canonicalEventJson, canonicalJson } from './hash';
import { expandBoundRows, imageValues } from './row-image-forms';
import { imageTextWriter } from './row-image-text';
import { columnsInKeyOrder, rowImage, type BoundRowEntry, type SqlValue } from './row-images';
import { verifyRecords } from './replay-check';

/** What a test expects: the result, or the refusal. */
function outcome(write: () => string) {
  try {
    return { text: write() };
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

/** Values as SQLite hands them over: text is always well-formed, blobs are Buffers. */
const sqlValue: fc.Arbitrary<SqlValue> = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
);

const digestValue: fc.Arbitrary<SqlValue> = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'grapheme' }),
  fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
  fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
);

const column = fc.record({
  // Any name but `__proto__`: bound columns are those the app's migrations make (bound-tables.ts),
  // and a plain object such as rowImage builds cannot hold that key, so the writers cannot agree.
  name: fc
    .string({ minLength: 1, maxLength: 12, unit: 'grapheme' })
    .filter((n) => n !== '__proto__'),
  kind: fc.constantFrom<ColumnKind>('value', 'blob', 'digest'),
});

describe('a row written as text', () => {
  it('is exactly the canonical JSON of the values of the image rowImage builds, or refused alike', () => {
    const tableAndRow = fc
      .uniqueArray(column, { maxLength: 12, selector: (c) => c.name })
      .chain((columns) =>
        fc.tuple(
          fc.constant(columns),
          fc.tuple(...columns.map((c) => (c.kind === 'digest' ? digestValue : sqlValue))),
        ),
      );
    fc.assert(
      fc.property(tableAndRow, fc.nat(3), ([columns, values], from) => {
        const table: BoundTable = { name: 'devices', columns, key: [] };
        const row = Object.fromEntries(columns.map((c, i) => [c.name, values[i] ?? null]));
        // The writer takes the values in key order, after `from` others (the logged key).
        const inKeyOrder = columnsInKeyOrder(table).map((c) => row[c.name] ?? null);
        const padded = [...new Array<SqlValue>(from).fill('x'), ...inKeyOrder];
        expect(outcome(() => imageTextWriter(table)(padded, from))).toEqual(
          outcome(() => canonicalJson(imageValues(table, rowImage(table, row)))),
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a payload written around its bound rows', () => {
  it('is exactly the canonical text of the payload with the rows in it', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
        fc.constantFrom('boundRows', 'a', '', 'zz', '10'),
        fc.jsonValue({ maxDepth: 3 }),
        (payload, name, rows) => {
          const [before, after] = canonicalTextAround(payload, name);
          expect(before + canonicalText(rows) + after).toBe(
            canonicalText({ ...payload, [name]: rows }),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('an event body written in pieces', () => {
  it('hashes the UTF-8 of the whole text, whether it stays text or becomes bytes', () => {
    const pieces = ['{"a":"Zürich 東京 🙂', 'x'.repeat(300_000), '\u2028"}'];
    for (const parts of [pieces.slice(0, 1), pieces]) {
      const writer = new EventBodyWriter();
      for (const p of parts) writer.write(p);
      const { body, hash } = writer.finish();
      const text = parts.join('');
      expect(typeof body === 'string' ? body : body.toString('utf8')).toBe(text);
      expect(hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

let rt: TestRuntime;
beforeEach(() => {
  rt = startTestRuntime();
});
afterEach(() => rt.cleanup());

describe('the event of a bulk change', () => {
  it('holds every row in the compact form, reads back as every row image, and replays', () => {
    const { db } = rt.services;
    // More than one chunk of rows read from SQLite (row-capture.ts): the first holds a deletion.
    const count = 6000;
    const insert = db.prepare(
      `INSERT INTO devices (asset_tag, vendor, model, notes, remote_update_capable, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'now', 'now')`,
    );
    const before = (db.prepare('SELECT max(id) AS id FROM audit_events').get() as { id: number })
      .id;
    mutate({ services: rt.services, actor: systemActor }, () => {
      for (let i = 0; i < count; i++) {
        const note = i % 7 === 0 ? `Zürich "Station" 東京\n\ttab 🙂 ${i}` : null;
        insert.run(`BULK-${i}`, 'Philips', `IntelliVue ${i % 40}`, note, i % 2);
      }
      db.prepare(`UPDATE devices SET vendor = 'GE Healthcare' WHERE asset_tag = 'BULK-5'`).run();
      db.prepare(`DELETE FROM devices WHERE asset_tag = 'BULK-9'`).run();
      db.prepare(`INSERT INTO settings (key, value) VALUES ('bulk.test', 'Ärger')`).run();
      return {
        value: null,
        audit: { action: 'test.bulk', entityType: 'inventory', payload: { z: 1, a: 'ä' } },
      };
    });
    const event = db.prepare('SELECT * FROM audit_events WHERE id = ?').get(before + 1) as {
      body: string;
      hash: string;
    };
    // Larger than a chunk of the body writer (event-body.ts): the body was written as bytes.
    expect(event.body.length).toBeGreaterThan(1 << 18);
    // The rows as images: what the compact form must read back as.
    const parsed = JSON.parse(event.body) as Record<string, unknown> & { payload: object };
    const tables = new Map(boundTables(db).map((t) => [t.name, t]));
    const devices = tables.get('devices');
    const settings = tables.get('settings');
    if (!devices || !settings) throw new Error('bound tables missing');
    const deviceRows = db.prepare('SELECT * FROM devices WHERE id = ?');
    const entries: BoundRowEntry[] = [
      ['settings', ['bulk.test'], rowImage(settings, { key: 'bulk.test', value: 'Ärger' })],
    ];
    for (let id = 1; id <= count; id++) {
      const row = deviceRows.get(id) as Record<string, SqlValue> | undefined;
      entries.push(['devices', [id], row ? rowImage(devices, row) : null]);
    }
    expect(entries.filter(([, , image]) => image === null)).toHaveLength(1);
    // Form 2: consecutive rows of one table in one run, written or deleted.
    type Run = { table: string; columns?: string[]; rows?: unknown[][]; deleted?: unknown[][] };
    const runs: Run[] = [];
    for (const [name, key, image] of entries) {
      const table = tables.get(name);
      if (!table) throw new Error(`no table ${name}`);
      const last = runs.at(-1);
      const fits = last?.table === name && (image === null) === (last.deleted !== undefined);
      const run: Run = fits && last ? last : { table: name };
      if (!fits) runs.push(run);
      if (image === null) (run.deleted ??= []).push(key);
      else {
        const columns = columnsInKeyOrder(table).map((c) => c.name);
        run.columns = columns;
        (run.rows ??= []).push(columns.map((c) => image[c] ?? null));
      }
    }
    expect(runs.map((r) => [r.table, r.deleted ? 'deleted' : r.rows?.length])).toEqual([
      ['settings', 1],
      ['devices', 9],
      ['devices', 'deleted'],
      ['devices', count - 10],
    ]);
    const expected = canonicalEventJson({
      id: before + 1,
      time: parsed.time as string,
      actorUserId: null,
      actorRole: 'system',
      action: 'test.bulk',
      entityType: 'inventory',
      entityId: null,
      payload: canonicalJson({ z: 1, a: 'ä', boundRows: { form: 2, runs } }),
      prevHash: parsed.prevHash as string,
    });
    // Every column name once per run, not once per row.
    expect(event.body.split('"asset_tag"')).toHaveLength(3);
    expect(expandBoundRows(parsed.payload, tables)).toEqual(entries);
    expect(event.body).toBe(expected);
    expect(event.hash).toBe(createHash('sha256').update(expected, 'utf8').digest('hex'));
    const report = verifyRecords(db);
    expect(report.firstBad).toBeNull();
    expect(report.ok).toBe(true);
  });
});
