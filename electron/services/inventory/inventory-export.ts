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
import { rowToDevice, type DeviceRow } from '../devices/device-row';

export const exportHeaders: Record<DeviceFieldName, string> = {
  assetTag: 'asset_tag',
  vendor: 'vendor',
  model: 'model',
  family: 'product_family',
  modality: 'modality',
  serialNumber: 'serial_number',
  osName: 'os',
  osVersion: 'os_version',
  softwareVersion: 'software_version',
  hostname: 'hostname',
  ipAddress: 'ip_address',
  macAddress: 'mac_address',
  aeTitle: 'ae_title',
  networkSegment: 'network_segment',
  site: 'site',
  building: 'building',
  floor: 'floor',
  room: 'room',
  department: 'department',
  criticality: 'clinical_criticality',
  remoteUpdateCapable: 'remote_update_capable',
  backupMethod: 'backup_method',
  serviceContact: 'vendor_contact',
  notes: 'notes',
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
