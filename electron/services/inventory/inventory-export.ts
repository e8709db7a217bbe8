/**
 * The inventory written back out. CSV uses the column names the importer recognises (so an
 * export imports again unchanged), written as every CSV of the app (`spreadsheetCsv`: formulas
 * neutralised with a leading apostrophe, which the importer removes again).
 */
import type Database from 'better-sqlite3';
import type { ChainAnchor } from '../audit/anchors';
import type { Device } from '../../api/domains/devices';
import type { DeviceFieldName, InventoryExport } from '../../api/domains/inventory';
import { spreadsheetCsv } from '../csv/spreadsheet-csv';
import { deviceColumns, rowToDevice, type DeviceRow } from '../devices/device-row';

/**
 * The devices table's own column names, except where the importer recognises another name for
 * the field (the export must import again unchanged).
 */
export const exportHeaders: Record<DeviceFieldName, string> = {
  ...deviceColumns,
  family: 'product_family',
  osName: 'os',
  criticality: 'clinical_criticality',
  serviceContact: 'vendor_contact',
};

function allDevices(db: Database.Database): Device[] {
  return (db.prepare('SELECT * FROM devices ORDER BY asset_tag').all() as DeviceRow[]).map(
    rowToDevice,
  );
}

export function exportInventory(
  db: Database.Database,
  format: 'csv' | 'json',
  now: Date,
  anchor: ChainAnchor | null = null,
): InventoryExport {
  const devices = allDevices(db);
  const stamp = now.toISOString().slice(0, 10);
  if (format === 'json') {
    const body = devices.map(({ id: _id, updatedAt: _u, ...fields }) => fields);
    return {
      format,
      fileName: `inventory-${stamp}.json`,
      mediaType: 'application/json',
      deviceCount: devices.length,
      content:
        JSON.stringify(
          {
            format: 'standalone-inventory',
            version: 1,
            exportedAt: now.toISOString(),
            devices: body,
            // The chain head as the file left the app: `audit verify --anchor FILE` checks it.
            ...(anchor ? { anchor } : {}),
          },
          null,
          2,
        ) + '\n',
    };
  }
  const fields = Object.keys(exportHeaders) as DeviceFieldName[];
  const data = devices.map((d) =>
    fields.map((f) => {
      const v = d[f];
      if (f === 'remoteUpdateCapable') return v === null ? '' : v ? 'yes' : 'no';
      return v === null ? '' : String(v);
    }),
  );
  return {
    format,
    fileName: `inventory-${stamp}.csv`,
    mediaType: 'text/csv',
    deviceCount: devices.length,
    content: spreadsheetCsv(
      fields.map((f) => exportHeaders[f]),
      data,
    ),
  };
}
