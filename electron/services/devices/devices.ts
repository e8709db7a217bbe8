import type Database from 'better-sqlite3';
import type { Device, DevicePage } from '../../api';
import type { ParsedInputOf } from '../../api/methods';
import { mutate, type MutateContext } from '../core/context';
import { notFound, type ServiceError, wordedError } from '../core/errors';
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
  if (input.advisoryId !== undefined) {
    // Uses the matches_advisory index (advisory_id, status, device_id).
    where.push(
      `id IN (SELECT device_id FROM matches WHERE advisory_id = ? AND status IN ('suggested', 'confirmed'))`,
    );
    params.push(input.advisoryId);
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
  if (!row) throw notFound('device', id);
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

/** Fields as the API gives them, with empty text stored as "not recorded". */
function cleanFields<T extends Partial<DeviceFields>>(fields: T): T {
  const out = { ...fields };
  for (const key of Object.keys(out) as (keyof T)[]) {
    if (out[key] === '') out[key] = null as T[keyof T];
  }
  return out;
}

function assetTagInUse(db: Database.Database, assetTag: string, exceptId?: number): boolean {
  const row = db.prepare('SELECT id FROM devices WHERE asset_tag = ?').get(assetTag) as
    { id: number } | undefined;
  return row !== undefined && row.id !== exceptId;
}

function assetTagConflict(assetTag: string): ServiceError {
  return wordedError('conflict', 'assetTagTaken', { assetTag }, { field: 'assetTag' });
}

/** Add a device by hand (audited). */
export function createDevice(ctx: MutateContext, input: DeviceFields): Device {
  const { db, clock } = ctx.services;
  const fields = cleanFields(input);
  return mutate(ctx, () => {
    if (assetTagInUse(db, fields.assetTag)) throw assetTagConflict(fields.assetTag);
    const id = insertDevice(db, fields, clock.now().toISOString());
    return {
      value: getDevice(db, id),
      audit: {
        action: 'device.created',
        entityType: 'device',
        entityId: id,
        payload: { assetTag: fields.assetTag, fields: { ...fields } },
      },
    };
  });
}

/** Change the named fields of a device (audited with each field's old and new value). */
export function updateDevice(ctx: MutateContext, id: number, input: Partial<DeviceFields>): Device {
  const { db, clock } = ctx.services;
  const changes = cleanFields(input);
  const current = getDevice(db, id);
  // Nothing to change, nothing to audit.
  if (
    (Object.keys(changes) as (keyof DeviceFields)[]).every(
      (k) => changes[k] === undefined || changes[k] === current[k],
    )
  ) {
    return current;
  }
  return mutate(ctx, () => {
    const before = getDevice(db, id);
    const changed = (Object.keys(changes) as (keyof DeviceFields)[]).filter(
      (key) => changes[key] !== undefined && changes[key] !== before[key],
    );
    if (
      changes.assetTag &&
      changed.includes('assetTag') &&
      assetTagInUse(db, changes.assetTag, id)
    ) {
      throw assetTagConflict(changes.assetTag);
    }
    if (changed.length > 0) {
      const values = deviceToValues({ ...before, ...changes });
      const keys = Object.keys(deviceColumns) as (keyof DeviceFields)[];
      const set = changed.map((k) => `${deviceColumns[k]} = ?`).join(', ');
      db.prepare(`UPDATE devices SET ${set}, updated_at = ? WHERE id = ?`).run(
        ...changed.map((k) => values[keys.indexOf(k)]),
        clock.now().toISOString(),
        id,
      );
    }
    const diff = Object.fromEntries(changed.map((k) => [k, { from: before[k], to: changes[k] }]));
    return {
      value: getDevice(db, id),
      audit: {
        action: 'device.updated',
        entityType: 'device',
        entityId: id,
        payload: { assetTag: before.assetTag, changes: diff },
      },
    };
  });
}
