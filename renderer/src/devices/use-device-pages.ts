import type { Device } from '../../../electron/api';
import { call } from '../api/client';
import { usePagedRows, type PagedRows, type PageReader } from '../components/use-paged-rows';

/** What the table shows: the search text and the filters (undefined: any value). */
export interface DeviceQuery {
  search: string;
  vendor?: string;
  family?: string;
  department?: string;
  osName?: string;
  advisoryId?: number;
}

/** True when the query narrows the inventory at all. */
export function isNarrowed(query: DeviceQuery | undefined): boolean {
  return Object.values(query ?? {}).some((value) => value !== undefined && value !== '');
}

/** Rows per devices.list call: a few screens' worth, so scrolling rarely waits. */
export const devicePageSize = 100;

export type DevicePages = PagedRows<DeviceQuery, Device, undefined>;

const readDevices: PageReader<DeviceQuery, Device, undefined> = async (query, offset, limit) => {
  const { search, ...filters } = query;
  const result = await call('devices.list', {
    ...(search ? { search } : {}),
    ...filters,
    limit,
    offset,
  });
  if (!result.ok) return result;
  const { devices, total } = result.value;
  return { ok: true, value: { rows: devices, total, view: undefined } };
};

/** Devices for the virtualised table, page by page (see usePagedRows). */
export function useDevicePages(query: DeviceQuery, reloadKey: number): DevicePages {
  return usePagedRows(readDevices, devicePageSize, query, reloadKey);
}
