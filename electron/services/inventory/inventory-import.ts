/**
 * Inventory import: preview (nothing written) and import. By default all or nothing: any
 * invalid row and nothing is written, the report listing every problem. With skipInvalid the
 * valid rows are written and the invalid ones reported as skipped. Re-importing updates devices
 * by asset tag. One transaction and one audit event (counts and the file's SHA-256) per import.
 */
import type Database from 'better-sqlite3';
import {
  maxInventoryBytes,
  type ColumnMapping,
  type DeviceFieldName,
  type InventoryImportReport,
  type InventoryPreview,
} from '../../api/domains/inventory';
import { mutate, type MutateContext } from '../core/context';
import { ServiceError } from '../core/errors';
import { deviceColumns } from '../devices/device-row';
import { actsAsDemoAccount, deactivateDemoAccounts } from '../people/demo-accounts';
import { resolveMapping, suggestMapping } from './column-mapping';
import { readCsv, type CsvTable } from './csv-read';
import type { FieldValue } from './field-rules';
import { checkRows, loadExisting, planRows, type RowPlan } from './inventory-plan';
import { decodeUpload } from './upload-text';

export interface InventoryFile {
  fileName: string;
  content: string | Uint8Array;
  mapping?: ColumnMapping | undefined;
}

interface Read {
  table: CsvTable;
  sha256: string;
  hasByteOrderMark: boolean;
}

function read(file: InventoryFile): Read {
  const { text, sha256, hasByteOrderMark } = decodeUpload(
    file.fileName,
    file.content,
    maxInventoryBytes,
    'inventory file',
    true,
  );
  return { table: readCsv(file.fileName, text), sha256, hasByteOrderMark };
}

const sampleSize = 20;
/** The preview lists this many problems (and counts them all); the import lists every one. */
const previewProblemLimit = 500;

/**
 * What an import would do. A mapping that cannot be used (no asset tag column, a field given to
 * two columns) is a problem of the preview, not a refusal: the user fixes it in the preview.
 */
export function previewInventory(ctx: MutateContext, file: InventoryFile): InventoryPreview {
  const p = read(file);
  const headers = p.table.headers;
  let mapping: ColumnMapping;
  let mappingProblem: string | null = null;
  try {
    mapping = resolveMapping(file.fileName, headers, file.mapping);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    mappingProblem = error.message;
    mapping = { ...suggestMapping(headers) };
    for (const [h, f] of Object.entries(file.mapping ?? {}))
      if (headers.includes(h)) mapping[h] = f;
  }
  const check = mappingProblem === null ? checkRows(p.table, mapping) : null;
  const plan = check
    ? planRows(check.fields, check.valid, loadExisting(ctx.services.db, check.fields))
    : [];
  const problems = check?.problems ?? [{ row: 1, column: null, message: mappingProblem ?? '' }];
  return {
    fileName: file.fileName,
    fileSha256: p.sha256,
    delimiter: p.table.delimiter,
    hasByteOrderMark: p.hasByteOrderMark,
    headers: p.table.headers,
    suggestedMapping: suggestMapping(p.table.headers),
    mapping,
    sampleRows: p.table.records.slice(0, sampleSize).map((r) => ({ row: r.row, cells: r.cells })),
    rowCount: p.table.records.length,
    validRowCount: check?.valid.length ?? 0,
    wouldAdd: plan.filter((r) => r.kind === 'add').length,
    wouldUpdate: plan.filter((r) => r.kind === 'update').length,
    wouldLeaveUnchanged: plan.filter((r) => r.kind === 'unchanged').length,
    problems: problems.slice(0, previewProblemLimit),
    problemCount: problems.length,
  };
}

export function importInventory(
  ctx: MutateContext,
  file: InventoryFile & { skipInvalid?: boolean | undefined },
): InventoryImportReport {
  const p = read(file);
  const mapping = resolveMapping(file.fileName, p.table.headers, file.mapping);
  const check = checkRows(p.table, mapping);
  const base = { fileName: file.fileName, fileSha256: p.sha256 };
  if (check.problems.length > 0 && !file.skipInvalid) {
    return {
      ...base,
      written: false,
      added: 0,
      updated: 0,
      unchanged: 0,
      skipped: [],
      errors: check.problems,
    };
  }
  const { db, clock } = ctx.services;
  return mutate(ctx, () => {
    const plan = planRows(check.fields, check.valid, loadExisting(db, check.fields));
    const now = clock.now().toISOString();
    const counts = writePlan(ctx, plan, check.fields, now);
    // A real inventory ends the demo; a demo user trying the import stays in it.
    const retired = actsAsDemoAccount(db, ctx.actor)
      ? []
      : deactivateDemoAccounts(db, now, 'real_inventory_imported');
    const report: InventoryImportReport = {
      ...base,
      written: true,
      ...counts,
      skipped: check.problems,
      errors: [],
    };
    return {
      value: report,
      audit: [
        {
          action: 'inventory.imported',
          entityType: 'inventory',
          entityId: null,
          payload: {
            fileName: file.fileName,
            sha256: p.sha256,
            ...counts,
            skippedRows: check.invalidRows.size,
            mapping,
          },
        },
        ...retired,
      ],
    };
  });
}

function writePlan(
  ctx: MutateContext,
  plan: RowPlan[],
  fields: DeviceFieldName[],
  now: string,
): { added: number; updated: number; unchanged: number } {
  const { db } = ctx.services;
  // Column names come from deviceColumns (ours), values are bound parameters. Only the mapped
  // columns are bound (the others stay NULL): binding is most of an insert's cost.
  const columns = fields.map((f) => deviceColumns[f]);
  const update = db.prepare(
    `UPDATE devices SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = @now WHERE id = @id`,
  );
  const insert = insertRows(ctx, columns);
  const at = { now };
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const adds = plan.reduce((n, step) => n + (step.kind === 'add' ? 1 : 0), 0);
  const restoreIndexes = adds >= bulkAddThreshold ? dropDeviceIndexes(ctx) : () => undefined;
  // New devices go in by the hundred, in file order (so they get the ids and the event's order
  // they would get one by one): one statement per row costs SQLite a statement journal per row.
  let pending: FieldValue[] = [];
  let pendingRows = 0;
  const flush = () => {
    if (pendingRows > 0) insert(pendingRows).run(pending, at);
    counts.added += pendingRows;
    pending = [];
    pendingRows = 0;
  };
  for (const step of plan) {
    if (step.kind === 'add') {
      for (const v of step.row.values) pending.push(v);
      if (++pendingRows === rowsPerInsert) flush();
    } else if (step.kind === 'update') {
      flush();
      update.run(step.row.values, { now, id: step.id });
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  flush();
  restoreIndexes();
  return counts;
}

/** New devices per INSERT statement (times the mapped columns stays far below SQLite's 32,766 parameters). */
const rowsPerInsert = 100;

/** The INSERT statement of `rows` devices, each with the mapped columns, prepared once per size. */
function insertRows(
  ctx: MutateContext,
  columns: readonly string[],
): (rows: number) => Database.Statement {
  const statements = new Map<number, Database.Statement>();
  const one = `(${columns.map(() => '?').join(', ')}, @now, @now)`;
  return (rows) => {
    let statement = statements.get(rows);
    if (!statement) {
      statement = ctx.services.db.prepare(
        `INSERT INTO devices (${columns.join(', ')}, created_at, updated_at)
         VALUES ${new Array<string>(rows).fill(one).join(', ')}`,
      );
      statements.set(rows, statement);
    }
    return statement;
  };
}

/** From this many new devices on, building the secondary indexes once beats updating them per row. */
const bulkAddThreshold = 20_000;

/**
 * Drop the devices table's secondary indexes for a bulk insert; the returned function creates
 * them again from their own definitions. Both happen inside the import's transaction, so the
 * schema is never seen without them; the unique asset-tag index (automatic) is never dropped.
 */
function dropDeviceIndexes(ctx: MutateContext): () => void {
  const { db } = ctx.services;
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'devices' AND sql IS NOT NULL`,
    )
    .all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  return () => {
    for (const index of indexes) db.exec(index.sql);
  };
}
