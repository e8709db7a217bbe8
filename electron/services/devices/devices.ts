import type Database from 'better-sqlite3';
import type { Device, DevicePage } from '../../api';
import type { ParsedInputOf } from '../../api/methods';
import { notFound } from '../core/errors';
import {
  deviceColumns,
  deviceToValues,
  rowToDevice,
  type DeviceFields,
  type DeviceRow,
} from './device-row';

const columnList = Object.values(deviceColumns);

/** LIKE pattern for a user's search text, with SQL wildcards in it taken literally. */
export function likePattern(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

export function listDevices(
  db: Database.Database,
  input: ParsedInputOf<'devices.list'>,
): DevicePage {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.search?.trim()) {
    const p = likePattern(input.search.trim());
    where.push(
      `(asset_tag LIKE ? ESCAPE '\\' OR vendor LIKE ? ESCAPE '\\' OR model LIKE ? ESCAPE '\\'
        OR hostname LIKE ? ESCAPE '\\' OR ip_address LIKE ? ESCAPE '\\' OR department LIKE ? ESCAPE '\\')`,
    );
    params.push(p, p, p, p, p, p);
  }
  for (const [key, column] of [
    ['vendor', 'vendor'],
    ['family', 'family'],
    ['department', 'department'],
    ['osName', 'os_name'],
  ] as const) {
    const value = input[key];
    if (value !== undefined) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    db.prepare(`SELECT count(*) AS n FROM devices ${clause}`).get(...params) as { n: number }
  ).n;
  const rows = db
    .prepare(`SELECT * FROM devices ${clause} ORDER BY asset_tag LIMIT ? OFFSET ?`)
    .all(...params, input.limit ?? 200, input.offset ?? 0) as DeviceRow[];
  return { total, devices: rows.map(rowToDevice) };
}

export function getDevice(db: Database.Database, id: number): Device {
  const row = db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
  if (!row) throw notFound(`Device ${id}`);
  return rowToDevice(row);
}

/** Insert a device; the caller's transaction writes the audit event. Returns the new id. */
export function insertDevice(db: Database.Database, device: DeviceFields, now: string): number {
  const placeholders = columnList.map(() => '?').join(', ');
  const info = db
    .prepare(
      `INSERT INTO devices (${columnList.join(', ')}, created_at, updated_at) VALUES (${placeholders}, ?, ?)`,
    )
    .run(...deviceToValues(device), now, now);
  return Number(info.lastInsertRowid);
}

export function countDevices(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM devices').get() as { n: number }).n;
}
