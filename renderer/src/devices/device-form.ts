import type { Criticality, Device } from '../../../electron/api';
import type { DeviceFieldName } from '../../../electron/api/domains/inventory';

/** The text fields of the form, grouped as the details dialog groups them. */
export const formGroups = [
  ['identity', ['assetTag', 'vendor', 'model', 'family', 'modality', 'serialNumber']],
  ['software', ['osName', 'osVersion', 'softwareVersion']],
  ['network', ['hostname', 'ipAddress', 'macAddress', 'aeTitle', 'networkSegment']],
  ['location', ['site', 'building', 'floor', 'room', 'department']],
  ['service', ['backupMethod', 'serviceContact', 'notes']],
] as const satisfies readonly (readonly [string, readonly DeviceFieldName[]])[];

export type TextFieldName = (typeof formGroups)[number][1][number];

/** Longest text each field accepts (the API's bounds), so the form stops before the API refuses. */
export const maxLengths: Partial<Record<TextFieldName, number>> = {
  assetTag: 64,
  modality: 16,
  hostname: 253,
  ipAddress: 64,
  macAddress: 32,
  aeTitle: 16,
  backupMethod: 500,
  serviceContact: 500,
  notes: 4000,
};

export interface DeviceForm {
  text: Record<TextFieldName, string>;
  criticality: Criticality | null;
  remoteUpdateCapable: boolean | null;
}

const textFields = formGroups.flatMap(([, fields]) => fields) as TextFieldName[];

export function formFromDevice(device: Device | undefined): DeviceForm {
  const text = Object.fromEntries(textFields.map((f) => [f, device?.[f] ?? ''])) as Record<
    TextFieldName,
    string
  >;
  return {
    text,
    criticality: device?.criticality ?? null,
    remoteUpdateCapable: device?.remoteUpdateCapable ?? null,
  };
}

/** The API's fields: empty text is "not recorded" (the services store it as null). */
export function formToFields(form: DeviceForm) {
  const text = Object.fromEntries(
    textFields.map((f) => [f, form.text[f].trim() === '' ? null : form.text[f].trim()]),
  ) as Record<TextFieldName, string | null>;
  return {
    ...text,
    assetTag: form.text.assetTag.trim(),
    criticality: form.criticality,
    remoteUpdateCapable: form.remoteUpdateCapable,
  };
}

/** Only the fields that differ from the device, for devices.update. */
export function changedFields(device: Device, form: DeviceForm) {
  const fields = formToFields(form);
  return Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => device[key as keyof typeof fields] !== value),
  ) as Partial<typeof fields>;
}
