import type { Migration } from '../migrate';

/** people: users, credentials, sessions, sign-offs. */
export const migration002: Migration = {
  version: 2,
  name: 'people: users, credentials, sessions, sign-offs',
  up(db) {
    void db;
  },
};
