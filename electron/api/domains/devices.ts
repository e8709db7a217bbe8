import { z } from 'zod';
import { method } from '../define';
import { id, limit, offset } from '../schemas';

export const criticalities = ['critical', 'high', 'medium', 'low'] as const;
export type Criticality = (typeof criticalities)[number];

export interface Device {
  id: number;
  assetTag: string;
  vendor: string | null;
  model: string | null;
  family: string | null;
  modality: string | null;
  serialNumber: string | null;
  osName: string | null;
  osVersion: string | null;
  softwareVersion: string | null;
  hostname: string | null;
  ipAddress: string | null;
  macAddress: string | null;
  aeTitle: string | null;
  networkSegment: string | null;
  site: string | null;
  building: string | null;
  floor: string | null;
  room: string | null;
  department: string | null;
  criticality: Criticality | null;
  remoteUpdateCapable: boolean | null;
  backupMethod: string | null;
  serviceContact: string | null;
  notes: string | null;
  updatedAt: string;
}

const optText = (max = 200) => z.string().trim().max(max).nullable();

/** A device's editable fields, as the API and the demo facility carry them. */
export const deviceFieldsSchema = z
  .object({
    assetTag: z.string().trim().min(1).max(64),
    vendor: optText(),
    model: optText(),
    family: optText(),
    modality: optText(16),
    serialNumber: optText(),
    osName: optText(),
    osVersion: optText(),
    softwareVersion: optText(),
    hostname: optText(253),
    ipAddress: optText(64),
    macAddress: optText(32),
    aeTitle: optText(16),
    networkSegment: optText(),
    site: optText(),
    building: optText(),
    floor: optText(),
    room: optText(),
    department: optText(),
    criticality: z.enum(criticalities).nullable(),
    remoteUpdateCapable: z.boolean().nullable(),
    backupMethod: optText(500),
    serviceContact: optText(500),
    notes: optText(4000),
  })
  .strict();

export interface DevicePage {
  total: number;
  devices: Device[];
}

export const deviceListInput = z
  .object({
    search: z.string().max(200).optional(),
    vendor: z.string().max(200).optional(),
    family: z.string().max(200).optional(),
    department: z.string().max(200).optional(),
    osName: z.string().max(200).optional(),
    limit: limit.optional(),
    offset: offset.optional(),
  })
  .strict();

export const deviceMethods = {
  'devices.list': method<DevicePage>()(
    deviceListInput,
    'Devices in the inventory, filtered and paged, ordered by asset tag.',
  ),
  'devices.get': method<Device>()(z.object({ id }).strict(), 'One device by id.'),
};
