import type { Migration } from '../migrate';

/** advisories, products, vulnerabilities, matches. */
export const migration003: Migration = {
  version: 3,
  name: 'advisories, products, vulnerabilities, matches',
  up(db) {
    void db;
  },
};
