import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutate } from '../core/context';
import { applyToReplica } from '../exchange/replica';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { systemActor } from './append';
import { boundTables, type BoundTable, type BoundTableName } from './bound-tables';
import { canonicalEventJson, canonicalJson, genesisHash, sha256Hex } from './hash';
import { verifyRecords } from './replay-check';
import { expandBoundRows } from './row-image-forms';
import { rowImage, type BoundRowEntry, type SqlValue } from './row-images';
import { databaseAsOf } from './state-as-of';

let rt: TestRuntime;
let tables: Map<BoundTableName, BoundTable>;
beforeEach(() => {
  rt = startTestRuntime();
  tables = new Map(boundTables(rt.services.db).map((t) => [t.name, t]));
});
afterEach(() => rt.cleanup());

/** Three devices and a setting written, one device deleted, in one change: its event's payload. */
function bulkPayload(): Record<string, unknown> {
  const { db } = rt.services;
  const insert = db.prepare(
    `INSERT INTO devices (asset_tag, vendor, model, notes, created_at, updated_at)
     VALUES (?, 'Philips', ?, ?, 'now', 'now')`,
  );
  mutate({ services: rt.services, actor: systemActor }, () => {
    insert.run('FORM-1', 'IntelliVue MX450', 'Zürich "Station" 東京\n🙂');
    insert.run('FORM-2', 'IntelliVue MX550', null);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('forms.test', 'Ärger')`).run();
    insert.run('FORM-3', 'IntelliVue MX750', null);
    db.prepare(`DELETE FROM devices WHERE asset_tag = 'FORM-2'`).run();
    return { value: null, audit: { action: 'test.forms', entityType: 'inventory' } };
  });
  const body = db
    .prepare('SELECT body FROM audit_events ORDER BY id DESC LIMIT 1')
    .pluck()
    .get() as string;
  return (JSON.parse(body) as { payload: Record<string, unknown> }).payload;
}

describe('the bound rows of an event', () => {
  it('are written in the compact form and read back as the images of the rows', () => {
    const payload = bulkPayload();
    expect(payload.boundRows).toMatchObject({ form: 2 });
    const { db } = rt.services;
    const image = (table: BoundTableName, sql: string, ...params: unknown[]) => {
      const t = tables.get(table);
      if (!t) throw new Error(`no table ${table}`);
      return rowImage(t, db.prepare(sql).get(...params) as Record<string, SqlValue>);
    };
    const device = (tag: string) =>
      image('devices', 'SELECT * FROM devices WHERE asset_tag = ?', tag);
    const ids = db.prepare('SELECT id FROM devices ORDER BY id').pluck().all() as number[];
    const expected: BoundRowEntry[] = [
      [
        'settings',
        ['forms.test'],
        image('settings', `SELECT * FROM settings WHERE key = ?`, 'forms.test'),
      ],
      ['devices', [ids[0] ?? 0], device('FORM-1')],
      ['devices', [(ids[0] ?? 0) + 1], null],
      ['devices', [ids[1] ?? 0], device('FORM-3')],
    ];
    expect(expandBoundRows(payload, tables)).toEqual(expected);
    // The first form reads as the same rows.
    expect(expandBoundRows({ boundRows: expected }, tables)).toEqual(expected);
  });

  it('are refused, naming where, when they do not fit the bound tables', () => {
    const run = (r: Record<string, unknown>) => ({ boundRows: { form: 2, runs: [r] } });
    const columns = ['id', 'asset_tag'];
    const cases: [unknown, RegExp][] = [
      [
        { boundRows: { form: 3, runs: [] } },
        /boundRows is in a form this app does not read \(form 3\)/,
      ],
      [{ boundRows: 'rows' }, /boundRows is in a form this app does not read/],
      [{ boundRows: { form: 2, runs: {} } }, /boundRows\.runs is not a list/],
      [
        run({ table: 'drafts', columns, rows: [] }),
        /runs\[0\] names a table that is not bound: drafts/,
      ],
      [run({ table: 'devices', columns: ['id', 'nope'], rows: [] }), /devices has no column nope/],
      [run({ table: 'devices', columns: ['asset_tag'], rows: [] }), /lack their key column id/],
      [
        run({ table: 'devices', columns: ['id', 'id'], rows: [] }),
        /a column of devices is named twice/,
      ],
      [run({ table: 'devices', columns, rows: [[1]] }), /rows\[0\] is not a list of 2 values/],
      [
        run({ table: 'devices', columns, rows: [[1, { a: 1 }]] }),
        /rows\[0\] is not a list of 2 values/,
      ],
      [
        run({ table: 'devices', columns, rows: [[null, 'A-1']] }),
        /rows\[0\]: the key of devices must be \[id\]/,
      ],
      [
        run({ table: 'devices', deleted: [[1, 2]] }),
        /deleted\[0\]: the key of devices must be \[id\]/,
      ],
      [
        run({ table: 'devices', deleted: [[1]], rows: [] }),
        /deleted must be a list of keys, alone/,
      ],
      [
        { boundRows: [['devices', [1], { nope: 1 }]] },
        /boundRows\[0\]: devices has no column nope/,
      ],
      [{ boundRows: [['devices', [1]]] }, /boundRows\[0\] is not \[table, key, row\]/],
    ];
    for (const [payload, message] of cases) {
      expect(() => expandBoundRows(payload, tables)).toThrow(message);
    }
    expect(expandBoundRows({ other: 1 }, tables)).toEqual([]);
  });

  it('apply alike to the facility replica in either form', () => {
    const compact = bulkPayload();
    const { db } = rt.services;
    const first = { boundRows: expandBoundRows(compact, tables) };
    db.transaction(() => {
      applyToReplica(db, 'station-compact', compact);
      applyToReplica(db, 'station-first', first);
    })();
    const rows = (station: string) =>
      db
        .prepare('SELECT * FROM station_devices WHERE station_id = ? ORDER BY id')
        .all(station)
        .map((r) => ({ ...(r as object), station_id: null }));
    expect(rows('station-compact')).toHaveLength(2);
    expect(rows('station-compact')).toEqual(rows('station-first'));
    expect(
      db
        .prepare(`SELECT model FROM station_devices WHERE station_id = 'station-first'`)
        .pluck()
        .all(),
    ).toEqual(['IntelliVue MX450', 'IntelliVue MX750']);
  });
});

/**
 * An event in the first form, as the app wrote it before the compact form (or, `reordered`, in
 * the compact form with its columns in another order than the app writes them): appended, with
 * the device it describes, through a second connection (which logs no rows of its own).
 */
function appendOlderEvent(reordered = false): { id: number; deviceId: number } {
  const other = new Database(rt.services.db.name);
  try {
    return other.transaction(() => {
      const deviceId = Number(
        other
          .prepare(
            `INSERT INTO devices (asset_tag, vendor, model, created_at, updated_at)
             VALUES ('OLD-1', 'GE Healthcare', 'CARESCAPE B450', 'then', 'then')`,
          )
          .run().lastInsertRowid,
      );
      const devices = tables.get('devices');
      if (!devices) throw new Error('devices is not bound');
      const row = other.prepare('SELECT * FROM devices WHERE id = ?').get(deviceId);
      const entry: BoundRowEntry = [
        'devices',
        [deviceId],
        rowImage(devices, row as Record<string, SqlValue>),
      ];
      const head = other.prepare('SELECT last_id, last_hash FROM audit_head').get() as
        { last_id: number; last_hash: string } | undefined;
      const id = (head?.last_id ?? 0) + 1;
      const body = canonicalEventJson({
        id,
        time: '2026-01-05T08:00:00.000Z',
        actorUserId: null,
        actorRole: 'system',
        action: 'inventory.imported',
        entityType: 'inventory',
        entityId: null,
        payload: canonicalJson({
          added: 1,
          boundRows: reordered ? reorderedRun(entry) : [entry],
        }),
        prevHash: head?.last_hash ?? genesisHash,
      });
      const hash = sha256Hex(body);
      other
        .prepare(
          'INSERT INTO audit_events (id, entity_type, entity_id, body, hash) VALUES (?, ?, ?, ?, ?)',
        )
        .run(id, 'inventory', null, body, hash);
      other
        .prepare(
          `INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?, ?)
           ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash`,
        )
        .run(id, hash);
      return { id, deviceId };
    })();
  } finally {
    other.close();
  }
}

/** The entry as a form-2 run naming its columns last to first. */
function reorderedRun([table, , image]: BoundRowEntry): unknown {
  const columns = Object.keys(image ?? {}).reverse();
  return {
    form: 2,
    runs: [{ columns, rows: [columns.map((c) => image?.[c] ?? null)], table }],
  };
}

describe('an event in the first form', () => {
  it.each([
    ['the first form', false],
    ['a run naming its columns in another order', true],
  ])('in %s still replays: audit verify passes, and finds a row changed since', (_, reordered) => {
    const { deviceId } = appendOlderEvent(reordered);
    bulkPayload();
    const { db } = rt.services;
    const sound = verifyRecords(db);
    expect(sound.firstBad).toBeNull();
    expect(sound.ok).toBe(true);
    const other = new Database(db.name);
    other.prepare(`UPDATE devices SET model = 'CARESCAPE B650' WHERE id = ?`).run(deviceId);
    other.close();
    const report = verifyRecords(db);
    expect(report.ok).toBe(false);
    expect(report.records?.problems).toEqual([
      expect.objectContaining({
        table: 'devices',
        key: `id=${deviceId}`,
        field: 'model',
        problem: 'differs',
        expected: '"CARESCAPE B450"',
        actual: '"CARESCAPE B650"',
      }),
    ]);
  });

  it('rebuilds the record as of it, and of a later compact event', () => {
    const { id, deviceId } = appendOlderEvent();
    bulkPayload();
    const { db } = rt.services;
    const asOf = (eventId: number) => {
      const scratch = databaseAsOf(db, eventId);
      try {
        return scratch.prepare('SELECT asset_tag FROM devices ORDER BY id').pluck().all();
      } finally {
        scratch.close();
      }
    };
    expect(asOf(id)).toEqual(['OLD-1']);
    expect(asOf(id + 1)).toEqual(['OLD-1', 'FORM-1', 'FORM-3']);
    expect(db.prepare('SELECT id FROM devices WHERE asset_tag = ?').pluck().get('OLD-1')).toBe(
      deviceId,
    );
  });
});
