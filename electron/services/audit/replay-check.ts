import type Database from 'better-sqlite3';
import type { AuditVerifyReport, RecordCheckReport, RecordProblem } from '../../api';
import { boundTables, held, type BoundTable, type BoundTableName } from './bound-tables';
import { expandBoundRows } from './row-image-forms';
import {
  boundRowsKey,
  keyText,
  mapKey,
  rowImage,
  type BoundRowEntry,
  type RowImage,
} from './row-images';
import { pendingTouchedRows } from './row-capture';
import { ChainWalker, chainPages, inReadSnapshot } from './verify';

/** What the events say about one row: its last image (null: deleted) and the event that wrote it. */
interface Replayed {
  image: RowImage | null;
  eventId: number;
}

/** The bound tables as the events describe them, keyed by table and primary key. */
type ReplayState = Map<string, Replayed>;

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

/**
 * Keep the last image each event gives a row. Only bodies carrying rows are parsed. Rows that
 * cannot be read are left out: the rows they would describe are then reported as having no event.
 */
function foldEvent(state: ReplayState, tables: Tables, id: number, body: string): void {
  if (!body.includes(`"${boundRowsKey}":`)) return;
  let rows: BoundRowEntry[];
  try {
    rows = expandBoundRows((JSON.parse(body) as { payload?: unknown }).payload, tables);
  } catch {
    return;
  }
  for (const [table, key, image] of rows) state.set(mapKey(table, key), { image, eventId: id });
}

type Tables = Map<BoundTableName, BoundTable>;

function tablesOf(db: Database.Database): Tables {
  return new Map(boundTables(db).map((t) => [t.name, t]));
}

function compareRow(
  t: BoundTable,
  key: unknown[],
  live: RowImage,
  replayed: Replayed | undefined,
  problems: Problems,
): void {
  if (!replayed || replayed.image === null) {
    problems.add({
      table: t.name,
      key: keyText(t, key),
      field: null,
      problem: 'no_event',
      eventId: replayed?.eventId ?? null,
    });
    return;
  }
  for (const { name } of t.columns) {
    const expected = replayed.image[name] ?? null;
    if (live[name] !== expected) {
      problems.add({
        table: t.name,
        key: keyText(t, key),
        field: name,
        problem: 'differs',
        eventId: replayed.eventId,
        expected: shown(expected),
        actual: shown(live[name]),
      });
    }
  }
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
    const iterator = db.prepare(`SELECT * FROM main.${t.name}`).iterate() as IterableIterator<
      Record<string, string | number | Buffer | null>
    >;
    for (const row of iterator) {
      const key = t.key.map((k) => row[k]);
      const k = mapKey(t.name, key);
      compareRow(t, key, rowImage(t, row), state.get(k), problems);
      state.delete(k);
      if (++rows % sliceSize === 0) yield;
    }
  }
  const byName = new Map(tables.map((t) => [t.name as string, t]));
  for (const [k, replayed] of state) {
    if (replayed.image === null) continue;
    const [name, keyJson] = k.split('\u0000') as [string, string];
    const t = byName.get(name);
    if (!t) continue;
    problems.add({
      table: name,
      key: keyText(t, JSON.parse(keyJson) as unknown[]),
      field: null,
      problem: 'missing',
      eventId: replayed.eventId,
    });
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
  const state: ReplayState = new Map();
  const tables = tablesOf(db);
  let n = 0;
  for (const page of chainPages(db)) {
    for (const row of page) {
      if (!walker.step(row)) return walker.report();
      foldEvent(state, tables, row[0], row[3]);
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
  const checked = yield* compareAll(db, state, problems);
  const records = recordsReport(db, 'full', chain.eventCount, checked, problems);
  return { ...chain, ok: records.ok, records };
}

export function runToEnd<T>(generator: Generator<void, T>): T {
  for (;;) {
    const next = generator.next();
    if (next.done) return next.value;
  }
}

/** Run a check a slice per turn of the event loop; `stop()` abandons it. */
export function runInSlices<T>(generator: Generator<void, T>): {
  done: Promise<T | null>;
  stop: () => void;
} {
  let stopped = false;
  const done = new Promise<T | null>((resolve, reject) => {
    const slice = () => {
      if (stopped) {
        generator.return(null as T);
        resolve(null);
        return;
      }
      try {
        const next = generator.next();
        if (next.done) resolve(next.value);
        else setImmediate(slice);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    setImmediate(slice);
  });
  return { done, stop: () => (stopped = true) };
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

const rowStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function readRow(db: Database.Database, t: BoundTable, key: unknown[]) {
  let map = rowStatements.get(db);
  if (!map) rowStatements.set(db, (map = new Map()));
  let s = map.get(t.name);
  if (!s) {
    s = db.prepare(
      `SELECT * FROM main.${t.name} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`,
    );
    map.set(t.name, s);
  }
  return s.get(...key) as Record<string, string | number | Buffer | null> | undefined;
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
  const state: ReplayState = new Map();
  const boundByName = tablesOf(db);
  for (const page of chainPages(db, from?.id ?? 0)) {
    for (const row of page) {
      if (!walker.step(row)) return walker.report();
      foldEvent(state, boundByName, row[0], row[3]);
    }
  }
  const chain = walker.finish(db);
  if (!chain.ok) return chain;
  const problems = new Problems();
  const tables = new Map(boundTables(db).map((t) => [t.name as string, t]));
  let checked = 0;
  for (const [k, replayed] of state) {
    const [name, keyJson] = k.split('\u0000') as [string, string];
    const t = tables.get(name);
    if (!t) continue;
    const key = JSON.parse(keyJson) as unknown[];
    const row = readRow(db, t, key);
    checked++;
    if (row) compareRow(t, key, rowImage(t, row), replayed, problems);
    else if (replayed.image !== null) {
      problems.add({
        table: name,
        key: keyText(t, key),
        field: null,
        problem: 'missing',
        eventId: replayed.eventId,
      });
    }
  }
  if (options.pendingRows && !db.inTransaction) {
    for (const [name, key] of pendingTouchedRows(db)) {
      const t = held(tables, name);
      problems.add({
        table: name,
        key: keyText(t, key),
        field: null,
        problem: 'no_event',
        eventId: null,
      });
    }
  }
  const records = recordsReport(db, 'incremental', chain.eventCount, checked, problems);
  return { ...chain, ok: records.ok, records };
}
