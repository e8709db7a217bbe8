import { z } from 'zod';
import { method } from '../define';

/** The largest inventory file accepted, in bytes (and characters: every character is ≥ 1 byte). */
export const maxInventoryBytes = 20 * 1024 * 1024;

/** The device fields a CSV column can be mapped to (the editable fields of a Device). */
export const deviceFieldNames = [
  'assetTag',
  'vendor',
  'model',
  'family',
  'modality',
  'serialNumber',
  'osName',
  'osVersion',
  'softwareVersion',
  'hostname',
  'ipAddress',
  'macAddress',
  'aeTitle',
  'networkSegment',
  'site',
  'building',
  'floor',
  'room',
  'department',
  'criticality',
  'remoteUpdateCapable',
  'backupMethod',
  'serviceContact',
  'notes',
] as const;
export type DeviceFieldName = (typeof deviceFieldNames)[number];

/** CSV header → device field; `null` means the column is ignored. */
export type ColumnMapping = Record<string, DeviceFieldName | null>;

/**
 * One problem in an inventory file. `row` counts as a spreadsheet does (the header is row 1; a
 * quoted field with a line break stays one row); `column` is the header as written in the file.
 */
export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
}

export interface InventoryPreview {
  fileName: string;
  fileSha256: string;
  delimiter: ',' | ';' | '\t';
  hasByteOrderMark: boolean;
  headers: string[];
  /** What the importer recognised from the header names alone. */
  suggestedMapping: ColumnMapping;
  /** The mapping this preview was computed with (the input's, else the suggestion). */
  mapping: ColumnMapping;
  /** The first rows as written in the file, for the user to check the mapping against. */
  sampleRows: { row: number; cells: string[] }[];
  rowCount: number;
  validRowCount: number;
  /** What an import with this mapping would do (valid rows only). */
  wouldAdd: number;
  wouldUpdate: number;
  wouldLeaveUnchanged: number;
  /** The first 500 problems (a mapping the import would refuse is one, at row 1)… */
  problems: ImportProblem[];
  /** … of this many. */
  problemCount: number;
}

export interface InventoryImportReport {
  fileName: string;
  fileSha256: string;
  /** False when the file was refused as a whole (nothing was written). */
  written: boolean;
  added: number;
  updated: number;
  unchanged: number;
  /** With `skipInvalid`: every problem of the rows that were left out. */
  skipped: ImportProblem[];
  /** Every problem that made the import refuse the file (empty when written). */
  errors: ImportProblem[];
}

export interface InventoryExport {
  format: 'csv' | 'json';
  fileName: string;
  mediaType: string;
  deviceCount: number;
  content: string;
}

const fileName = z.string().trim().min(1).max(255);
const content = z
  .string()
  .max(
    maxInventoryBytes,
    `The file is larger than ${maxInventoryBytes / 1024 / 1024} MB; split it into smaller files.`,
  );
const mapping = z
  .record(z.string().max(200), z.enum(deviceFieldNames).nullable())
  .refine((m) => Object.keys(m).length <= 500, 'A mapping can name at most 500 columns.');

export const inventoryMethods = {
  'inventory.preview': method<InventoryPreview>()(
    z.object({ fileName, content, mapping: mapping.optional() }).strict(),
    'Read an inventory CSV without writing: delimiter, headers, suggested column mapping, the ' +
      'first rows, and every problem an import with the given (or suggested) mapping would meet.',
  ),
  'inventory.import': method<InventoryImportReport>()(
    z
      .object({
        fileName,
        content,
        mapping: mapping.optional(),
        skipInvalid: z.boolean().optional(),
      })
      .strict(),
    'Import an inventory CSV: all or nothing unless skipInvalid; devices are updated by asset tag.',
  ),
  'inventory.export': method<InventoryExport>()(
    z.object({ format: z.enum(['csv', 'json']) }).strict(),
    'The whole inventory as CSV (spreadsheet formulas neutralised) or JSON.',
  ),
};
