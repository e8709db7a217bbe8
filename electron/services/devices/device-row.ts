import type { Criticality, Device } from '../../api';

/** The devices table's columns, in one place, with the API field each maps to. */
export const deviceColumns = {
  assetTag: 'asset_tag',
  vendor: 'vendor',
  model: 'model',
  family: 'family',
  modality: 'modality',
  serialNumber: 'serial_number',
  osName: 'os_name',
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
  criticality: 'criticality',
  remoteUpdateCapable: 'remote_update_capable',
  backupMethod: 'backup_method',
  serviceContact: 'service_contact',
  notes: 'notes',
} as const satisfies Record<Exclude<keyof Device, 'id' | 'updatedAt'>, string>;

export type DeviceFields = Omit<Device, 'id' | 'updatedAt'>;
export type DeviceRow = Record<(typeof deviceColumns)[keyof typeof deviceColumns], unknown> & {
  id: number;
  updated_at: string;
};

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function rowToDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    assetTag: String(row.asset_tag),
    vendor: str(row.vendor),
    model: str(row.model),
    family: str(row.family),
    modality: str(row.modality),
    serialNumber: str(row.serial_number),
    osName: str(row.os_name),
    osVersion: str(row.os_version),
    softwareVersion: str(row.software_version),
    hostname: str(row.hostname),
    ipAddress: str(row.ip_address),
    macAddress: str(row.mac_address),
    aeTitle: str(row.ae_title),
    networkSegment: str(row.network_segment),
    site: str(row.site),
    building: str(row.building),
    floor: str(row.floor),
    room: str(row.room),
    department: str(row.department),
    criticality: str(row.criticality) as Criticality | null,
    remoteUpdateCapable:
      row.remote_update_capable === null ? null : row.remote_update_capable === 1,
    backupMethod: str(row.backup_method),
    serviceContact: str(row.service_contact),
    notes: str(row.notes),
    updatedAt: String(row.updated_at),
  };
}

/** Values for the columns above, in their order, as SQLite stores them. */
export function deviceToValues(d: DeviceFields): unknown[] {
  return (Object.keys(deviceColumns) as (keyof DeviceFields)[]).map((key) => {
    const v = d[key];
    if (key === 'remoteUpdateCapable') return v === null ? null : v ? 1 : 0;
    return v ?? null;
  });
}
