import type { Device } from '../../../electron/api';

/** Join the parts that are recorded; undefined when none is. */
export function joinRecorded(parts: (string | null)[], separator: string): string | undefined {
  const present = parts.filter((part): part is string => part !== null && part.trim() !== '');
  return present.length ? present.join(separator) : undefined;
}

/** The model names the device on the floor; the vendor and family tell similar ones apart. */
export const deviceName = (d: Device) => d.model ?? d.vendor ?? undefined;
export const deviceKind = (d: Device) => joinRecorded([d.model ? d.vendor : null, d.family], ' · ');
export const operatingSystem = (d: Device) => joinRecorded([d.osName, d.osVersion], ' ');
/** Room first: it is what someone walking to the device needs most. */
export const place = (d: Device) =>
  joinRecorded([d.room, joinRecorded([d.building, d.floor], ' ') ?? null], ', ');
