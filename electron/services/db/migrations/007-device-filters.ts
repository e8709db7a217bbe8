import type { Migration } from '../migrate';

/**
 * The devices page lists one filter's devices in asset-tag order, a page at a time. With the
 * asset tag in each filter's index, SQLite reads the first page straight from the index instead
 * of sorting every device of a large vendor first.
 */
export const migration007: Migration = {
  version: 7,
  name: 'device filter indexes in asset-tag order',
  up(db) {
    db.exec(`
      DROP INDEX devices_vendor;
      DROP INDEX devices_family;
      DROP INDEX devices_department;
      CREATE INDEX devices_vendor ON devices (vendor, asset_tag);
      CREATE INDEX devices_family ON devices (family, asset_tag);
      CREATE INDEX devices_department ON devices (department, asset_tag);
      CREATE INDEX devices_os ON devices (os_name, asset_tag);
    `);
  },
};
