import type Database from 'better-sqlite3';
import type { AuditVerifyReport, RecordCheckReport, RecordProblem } from '../../api';
import {
  boundTables,
  held,
  type BoundTable,
  type BoundTableName,
  type ColumnKind,
} from './bound-tables';
import { payloadTextOfBody } from './hash';
import { runToEnd } from './run-in-slices';
import {
  readBoundRows,
  valueAt,
  type BoundRowVisitor,
  type RowColumns,
  type RowValues,
} from './row-image-forms';
import { boundRowsKey, columnsInKeyOrder, imageValue, rowKeyOf, type SqlValue } from './row-images';
import { pendingTouchedRows } from './row-capture';
import { ChainWalker, chainPages, inReadSnapshot } from './verify';

/**
 * What the events say about one row: its last values (null: deleted) with the columns they
 * name, its key, and the event that wrote it.
 */
interface Replayed {
  columns: RowColumns;
  key: (string | number)[];
  values: RowValues | null;
  eventId: number;
}

/** The bound tables as the events describe them: per table, each row by rowKey. */
type ReplayState = Map<BoundTableName, Map<RowKey, Replayed>>;

type RowKey = string | number;

/** A row's place in the state: its key value itself when the key is one column, else as JSON. */
function rowKey(key: readonly unknown[]): RowKey {
  const first = key[0];
  return key.length === 1 && (typeof first === 'number' || typeof first === 'string')
    ? first
    : JSON.stringify(key);
}

const maxListed = 100;
/** Events or rows handled between two yields, so a background check leaves the process responsive. */
const sliceSize = 20_000;

class Problems {
  list: RecordProblem[] = [];
  count = 0;
  add(p: RecordProblem): void {
    this.count++;
    if (this.list.length < maxListed) this.list.push(p);
  }
}

function shown(value: unknown): string {
  const text = value === undefined ? 'null' : JSON.stringify(value);
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}

type Tables = Map<BoundTableName, BoundTable>;

/**
 * Folds events into the state: the last values each event gives a row. Only bodies carrying
 * rows are parsed, and of them only the payload. An event whose rows cannot be read is left out
 * whole: the rows it would describe are then reported as having no event.
 */
class Replay {
  readonly state: ReplayState = new Map();
  private readonly tables: Tables;
  private readonly pending: Replayed[] = [];
  private eventId = 0;
  private readonly visit: BoundRowVisitor = (columns, key, values) => {
    this.pending.push({ columns, key, values, eventId: this.eventId });
  };

  constructor(db: Database.Database) {
    this.tables = new Map(boundTables(db).map((t) => [t.name, t]));
    for (const name of this.tables.keys()) this.state.set(name, new Map());
  }

  fold(id: number, body: string): void {
    if (!body.includes(`"${boundRowsKey}":`)) return;
    this.eventId = id;
    this.pending.length = 0;
    try {
      readBoundRows(payloadOfBody(body), this.tables, this.visit);
    } catch {
      return;
    }
    for (const r of this.pending) this.state.get(r.columns.table.name)?.set(rowKey(r.key), r);
  }
}

/** The payload of an event body (parsing its text alone, as canonical JSON places it). */
function payloadOfBody(body: string): unknown {
  const text = payloadTextOfBody(body);
  if (text !== null) {
    try {
      return JSON.parse(text);
    } catch {
      // Not canonical: read the whole body as any reader would.
    }
  }
  return (JSON.parse(body) as { payload?: unknown }).payload;
}

/** How a bound table's live rows are read and compared: in columnsInKeyOrder, as arrays. */
interface LiveLayout {
  all: Database.Statement;
  one: Database.Statement;
  names: string[];
  kinds: ColumnKind[];
  /** The places of the key columns, in key order. */
  keyAt: number[];
  /** The places of the columns in table order: the order differences are reported in. */
  order: number[];
}

const layouts = new WeakMap<Database.Database, Map<BoundTableName, LiveLayout>>();

function liveLayout(db: Database.Database, t: BoundTable): LiveLayout {
  let map = layouts.get(db);
  if (!map) layouts.set(db, (map = new Map()));
  let layout = map.get(t.name);
  if (!layout) {
    const columns = columnsInKeyOrder(t);
    const names = columns.map((c) => c.name);
    const select = `SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM main.${t.name}`;
    layout = {
      all: db.prepare(select).raw(true),
      one: db.prepare(`${select} WHERE ${t.key.map((k) => `"${k}" = ?`).join(' AND ')}`).raw(true),
      names,
      kinds: columns.map((c) => c.kind),
      keyAt: t.key.map((k) => names.indexOf(k)),
      order: t.columns.map((c) => names.indexOf(c.name)),
    };
    map.set(t.name, layout);
  }
  return layout;
}

function compareRow(
  t: BoundTable,
  layout: LiveLayout,
  key: unknown[],
  live: SqlValue[],
  replayed: Replayed | undefined,
  problems: Problems,
): void {
  if (!replayed || replayed.values === null) {
    problems.add({
      table: t.name,
      ...rowKeyOf(t, key),
      field: null,
      problem: 'no_event',
      eventId: replayed?.eventId ?? null,
    });
    return;
  }
  const { columns, values } = replayed;
  for (const i of layout.order) {
    const expected = valueAt(columns, values, i);
    const actual = imageValue(layout.kinds[i] ?? 'value', live[i] ?? null);
    if (actual !== expected) {
      problems.add({
        table: t.name,
        ...rowKeyOf(t, key),
        field: layout.names[i] ?? null,
        problem: 'differs',
        eventId: replayed.eventId,
        expected: shown(expected),
        actual: shown(actual),
      });
    }
  }
}

function missing(t: BoundTable, replayed: Replayed): RecordProblem {
  return {
    table: t.name,
    ...rowKeyOf(t, replayed.key),
    field: null,
    problem: 'missing',
    eventId: replayed.eventId,
  };
}

/** Compare every row of every bound table with the state, consuming the state as rows are seen. */
function* compareAll(
  db: Database.Database,
  state: ReplayState,
  problems: Problems,
): Generator<void, number> {
  let rows = 0;
  const tables = boundTables(db);
  for (const t of tables) {
    const layout = liveLayout(db, t);
    const replayed = state.get(t.name) ?? new Map<RowKey, Replayed>();
    for (const row of layout.all.iterate() as IterableIterator<SqlValue[]>) {
      const key = layout.keyAt.map((at) => row[at]);
      const k = rowKey(key);
      compareRow(t, layout, key, row, replayed.get(k), problems);
      replayed.delete(k);
      if (++rows % sliceSize === 0) yield;
    }
  }
  for (const t of tables) {
    for (const replayed of state.get(t.name)?.values() ?? []) {
      if (replayed.values !== null) problems.add(missing(t, replayed));
    }
  }
  return rows;
}

function recordsReport(
  db: Database.Database,
  scope: RecordCheckReport['scope'],
  throughEventId: number,
  rowsChecked: number,
  problems: Problems,
): RecordCheckReport {
  return {
    scope,
    ok: problems.count === 0,
    throughEventId,
    tablesChecked: boundTables(db).map((t) => t.name),
    rowsChecked,
    problemCount: problems.count,
    problems: problems.list,
  };
}

/**
 * The full check: recompute the chain, replay every event's row images into a scratch state
 * (the last image of each row), then compare every bound table with it. Yields now and then;
 * run it to the end with runToEnd, or in slices with runInSlices.
 */
export function* fullReplayCheck(db: Database.Database): Generator<void, AuditVerifyReport> {
  const walker = new ChainWalker();
  const replay = new Replay(db);
  let n = 0;
  for (const page of chainPages(db)) {
    for (const row of page) {
      if (!walker.step(row)) return walker.report();
      replay.fold(row[0], row[3]);
    }
    n += page.length;
    if (n >= sliceSize) {
      n -= sliceSize;
      yield;
    }
  }
  const chain = walker.finish(db);
  if (!chain.ok) return chain;
  const problems = new Problems();
  const checked = yield* compareAll(db, replay.state, problems);
  const records = recordsReport(db, 'full', chain.eventCount, checked, problems);
  return { ...chain, ok: records.ok, records };
}

/**
 * The last point a full check found sound for this connection: the event it reached, and the
 * connection's data_version then. data_version changes when another connection commits, the
 * only way (besides this connection's own writes, which are logged) that a bound row can change.
 */
interface VerifiedPoint {
  id: number;
  hash: string | null;
  dataVersion: number;
}

const verifiedPoints = new WeakMap<Database.Database, VerifiedPoint>();

function dataVersion(db: Database.Database): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/** Remember where a full check found `db` sound (taken before the check read its snapshot). */
export function markVerified(
  db: Database.Database,
  report: AuditVerifyReport,
  versionBefore: number = dataVersion(db),
): void {
  if (!report.ok || !report.records) return;
  verifiedPoints.set(db, {
    id: report.records.throughEventId,
    hash: report.lastHash,
    dataVersion: versionBefore,
  });
}

export function dataVersionOf(db: Database.Database): number {
  return dataVersion(db);
}

/** The full check, at once, on this connection; a sound result becomes the verified point. */
export function verifyRecords(db: Database.Database): AuditVerifyReport {
  const version = dataVersion(db);
  const report = inReadSnapshot(db, () => runToEnd(fullReplayCheck(db)));
  markVerified(db, report, version);
  return report;
}

/**
 * The incremental check since the last verified point: the chain from there, and the rows the
 * newer events wrote compared with the tables. Sound because nothing else can have changed a
 * bound row since: another connection's commit changes data_version (then the full check runs
 * instead), and this connection's writes are logged until an event takes them (any left over
 * outside a transaction are rows with no event).
 */
export function verifyRecordsSince(db: Database.Database): AuditVerifyReport {
  const point = verifiedPoints.get(db);
  const version = dataVersion(db);
  if (!point || point.dataVersion !== version) return verifyRecords(db);
  const report = verifyRecordsFrom(db, point.id ? { id: point.id, hash: point.hash ?? '' } : null, {
    pendingRows: true,
  });
  markVerified(db, report, version);
  return report;
}

/**
 * The chain from a point known sound (`from`: an event and its hash; null: the start), and the
 * rows the events after it wrote compared with the tables. `pendingRows`: rows this connection
 * changed that no event took yet are reported too (only on the connection that writes).
 * The crash test checks each restart this way from the point of the one before.
 */
export function verifyRecordsFrom(
  db: Database.Database,
  from: { id: number; hash: string } | null,
  options: { pendingRows?: boolean } = {},
): AuditVerifyReport {
  const walker = new ChainWalker(from);
  const replay = new Replay(db);
  for (const page of chainPages(db, from?.id ?? 0)) {
    for (const row of page) {
      if (!walker.step(row)) return walker.report();
      replay.fold(row[0], row[3]);
    }
  }
  const chain = walker.finish(db);
  if (!chain.ok) return chain;
  const problems = new Problems();
  const bound = boundTables(db);
  const tables = new Map(bound.map((t) => [t.name as string, t]));
  let checked = 0;
  for (const t of bound) {
    const layout = liveLayout(db, t);
    for (const replayed of replay.state.get(t.name)?.values() ?? []) {
      const row = layout.one.get(...replayed.key) as SqlValue[] | undefined;
      checked++;
      if (row) compareRow(t, layout, replayed.key, row, replayed, problems);
      else if (replayed.values !== null) problems.add(missing(t, replayed));
    }
  }
  if (options.pendingRows && !db.inTransaction) {
    for (const [name, key] of pendingTouchedRows(db)) {
      const t = held(tables, name);
      problems.add({
        table: name,
        ...rowKeyOf(t, key),
        field: null,
        problem: 'no_event',
        eventId: null,
      });
    }
  }
  const records = recordsReport(db, 'incremental', chain.eventCount, checked, problems);
  return { ...chain, ok: records.ok, records };
}
