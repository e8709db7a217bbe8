import type Database from 'better-sqlite3';
import type { DeviceFacets, DeviceFacetValue } from '../../api';

/** More distinct values than this would not fit a filter list anyway; search covers the rest. */
const maxValues = 500;

const facetColumns = {
  vendor: 'vendor',
  family: 'family',
  department: 'department',
  osName: 'os_name',
} as const satisfies Record<keyof DeviceFacets, string>;

/** The values each Devices page filter can take, most common first, blanks left out. */
export function deviceFacets(db: Database.Database): DeviceFacets {
  const values = (column: string): DeviceFacetValue[] =>
    db
      .prepare(
        `SELECT ${column} AS value, count(*) AS count FROM devices
          WHERE ${column} IS NOT NULL AND ${column} <> ''
          GROUP BY ${column} ORDER BY count DESC, value LIMIT ?`,
      )
      .all(maxValues) as DeviceFacetValue[];
  return {
    vendor: values(facetColumns.vendor),
    family: values(facetColumns.family),
    department: values(facetColumns.department),
    osName: values(facetColumns.osName),
  };
}
