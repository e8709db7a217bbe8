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

/** A dotted-quad IPv4 address (no leading zeros, which some tools read as octal). */
export function isIPv4(text: string): boolean {
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || parts === 4) return false;
      parts++;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && value === 0) return false;
      value = value * 10 + (c - 48);
      digits++;
      if (value > 255) return false;
    } else {
      return false;
    }
  }
  return parts === 4;
}

const hexGroup = /^[0-9a-f]{1,4}$/i;

/** An IPv6 address in any of its textual forms (::, embedded IPv4), without a zone. */
export function isIPv6(text: string): boolean {
  if (text.length > 45 || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const all = halves.flatMap(groups);
  let count = all.length;
  const last = all.at(-1);
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => hexGroup.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function isIpAddress(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

const macForms = [
  /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i,
  /^[0-9a-f]{2}(-[0-9a-f]{2}){5}$/i,
  /^[0-9a-f]{4}(\.[0-9a-f]{4}){2}$/i,
  /^[0-9a-f]{12}$/i,
];

/** A 48-bit MAC address: 00:1B:44:11:3A:B7, 00-1B-…, 001B.4411.3AB7 or 001B44113AB7. */
export function isMacAddress(text: string): boolean {
  return macForms.some((form) => form.test(text));
}

const ipText = optText(64).refine(
  (v) => v === null || v === '' || isIpAddress(v),
  'Not a valid IPv4 or IPv6 address (e.g. 10.20.30.11).',
);
const macText = optText(32).refine(
  (v) => v === null || v === '' || isMacAddress(v),
  'Not a valid MAC address (e.g. 00:1B:44:11:3A:B7).',
);

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
    ipAddress: ipText,
    macAddress: macText,
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
    /** Devices with a suggested or confirmed match to this advisory. */
    advisoryId: id.optional(),
    limit: limit.optional(),
    offset: offset.optional(),
  })
  .strict();

/** The values a filter can take, with how many devices hold each (most common first). */
export interface DeviceFacetValue {
  value: string;
  count: number;
}

export interface DeviceFacets {
  vendor: DeviceFacetValue[];
  family: DeviceFacetValue[];
  department: DeviceFacetValue[];
  osName: DeviceFacetValue[];
}

export const deviceMethods = {
  'devices.facets': method<DeviceFacets>()(
    z.object({}).strict(),
    'The recorded vendors, families, departments and operating systems (at most 500 of each), ' +
      'with device counts, for the Devices page filters.',
  ),
  'devices.list': method<DevicePage>()(
    deviceListInput,
    'Devices in the inventory, filtered and paged, ordered by asset tag.',
  ),
  'devices.get': method<Device>()(z.object({ id }).strict(), 'One device by id.'),
  'devices.create': method<Device>()(
    deviceFieldsSchema,
    'Add a device by hand; the asset tag must not be in use.',
  ),
  'devices.update': method<Device>()(
    z.object({ id, changes: deviceFieldsSchema.partial() }).strict(),
    'Change some fields of a device; fields not named stay as they are.',
  ),
};
