import type { Migration } from '../migrate';

/** the organisation's signing identity. */
export const migration004: Migration = {
  version: 4,
  name: 'the signing identity of the organisation',
  up(db) {
    void db;
  },
};
