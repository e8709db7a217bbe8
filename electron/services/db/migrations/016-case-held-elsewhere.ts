import type { Migration } from '../migrate';

/**
 * This station's cases that the commander gave to another station (a conflict chosen for that
 * station, migration 014, arriving in the command post's bundle): they stay here as the record of
 * what was done, read-only, with the station that holds them now. Each row is written with its
 * audit event; not a bound table, for the reason migration 014 gives.
 */
export const migration016: Migration = {
  version: 16,
  name: 'cases held at another station by the commander’s choice',
  up(db) {
    db.exec(`
      CREATE TABLE case_held_elsewhere (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id),
        station_id TEXT NOT NULL,
        station_name TEXT NOT NULL,
        reason TEXT,
        decided_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
