import type { z } from 'zod';
import type { deviceFieldsSchema } from '../../api/domains/devices';
import { deviceFieldNames } from '../../api/domains/inventory';

export type DeviceFields = z.input<typeof deviceFieldsSchema>;

/** A valid `devices.create` input: every field present, as the API requires. */
export function sampleDevice(
  assetTag: string,
  overrides: Partial<DeviceFields> = {},
): DeviceFields {
  return {
    assetTag,
    vendor: 'Siemens',
    model: 'Biograph mCT',
    family: 'PET/CT',
    modality: 'PT',
    serialNumber: null,
    osName: 'Windows',
    osVersion: '7',
    softwareVersion: 'VG60A',
    hostname: null,
    ipAddress: null,
    macAddress: null,
    aeTitle: null,
    networkSegment: null,
    site: null,
    building: null,
    floor: null,
    room: null,
    department: 'Nuclear medicine',
    criticality: 'high',
    remoteUpdateCapable: true,
    backupMethod: null,
    serviceContact: null,
    notes: null,
    ...overrides,
  };
}

/** A valid `devices.create` input with nothing but the asset tag (and the overrides) filled in. */
export function blankDevice(assetTag: string, overrides: Partial<DeviceFields> = {}): DeviceFields {
  const empty = Object.fromEntries(deviceFieldNames.map((field) => [field, null]));
  return { ...sampleDevice(assetTag), ...empty, assetTag, ...overrides };
}
