import type { Migration } from '../migrate';

/**
 * Requests may also assign a case held elsewhere (to a person of that station, named by staff ID):
 * the table of migration 015 is rebuilt with that kind, a target only for moves and re-checks,
 * and the staff ID asked for. Its rows are kept as they were.
 */
export const migration018: Migration = {
  version: 18,
  name: 'assignments among the requests to the stations holding cases',
  up(db) {
    db.exec(`
      CREATE TABLE case_requests_018 (
        id INTEGER PRIMARY KEY,
        station_id TEXT NOT NULL,
        case_id INTEGER NOT NULL,
        asset_tag TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('transition', 'recheck', 'assign')),
        target TEXT,
        reason TEXT,
        recheck_at TEXT,
        assignee_staff_id TEXT,
        bulk_decision_id INTEGER REFERENCES bulk_decisions (id),
        requested_by INTEGER NOT NULL REFERENCES users (id),
        requested_at TEXT NOT NULL,
        outcome TEXT CHECK (outcome IN ('applied', 'refused')),
        answer_reason TEXT,
        answered_at TEXT
      ) STRICT;
      INSERT INTO case_requests_018 (id, station_id, case_id, asset_tag, kind, target, reason,
          recheck_at, bulk_decision_id, requested_by, requested_at, outcome, answer_reason,
          answered_at)
        SELECT id, station_id, case_id, asset_tag, kind, target, reason, recheck_at,
          bulk_decision_id, requested_by, requested_at, outcome, answer_reason, answered_at
        FROM case_requests;
      DROP TABLE case_requests;
      ALTER TABLE case_requests_018 RENAME TO case_requests;
      CREATE INDEX case_requests_by_station ON case_requests (station_id, case_id);
    `);
  },
};
