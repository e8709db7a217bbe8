import type { Migration } from '../migrate';

/**
 * The commander's decisions on cases other stations hold: each is a request to the holding
 * station, written with its audit event (which carries the whole of it and travels in this
 * station's bundles). The answer columns are filled from the holding station's signed answer
 * event when its bundle is imported, as the replica is, so they say what that station did. Not a
 * bound table, for the reason migration 014 gives.
 */
export const migration015: Migration = {
  version: 15,
  name: 'requests to the stations holding cases',
  up(db) {
    db.exec(`
      CREATE TABLE case_requests (
        id INTEGER PRIMARY KEY,
        station_id TEXT NOT NULL,
        case_id INTEGER NOT NULL,
        asset_tag TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('transition', 'recheck')),
        target TEXT NOT NULL,
        reason TEXT,
        recheck_at TEXT,
        bulk_decision_id INTEGER REFERENCES bulk_decisions (id),
        requested_by INTEGER NOT NULL REFERENCES users (id),
        requested_at TEXT NOT NULL,
        outcome TEXT CHECK (outcome IN ('applied', 'refused')),
        answer_reason TEXT,
        answered_at TEXT
      ) STRICT;
      CREATE INDEX case_requests_by_station ON case_requests (station_id, case_id);
    `);
  },
};
