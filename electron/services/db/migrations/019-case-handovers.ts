import type { Migration } from '../migrate';

/**
 * A case's history names its hand-overs: `handed_over` at the station that hands a case to
 * another (or hands it back), `taken_over` at the station that takes it over (or takes it back).
 * The table of migrations 005 and 017 is rebuilt with those two events allowed, its columns in
 * the same order (the audit trail's row images name them) and its rows kept as they were. The
 * replica (`station_case_history`) has no such check and is left as it is.
 */
export const migration019: Migration = {
  version: 19,
  name: 'hand-overs in the case history',
  up(db) {
    db.exec(`
      CREATE TABLE case_history_019 (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        event TEXT NOT NULL CHECK (event IN ('opened', 'transition', 'assigned',
          'review_flagged', 'review_acknowledged', 'handed_over', 'taken_over')),
        from_state TEXT,
        to_state TEXT NOT NULL,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users (id),
        role TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}',
        station_name TEXT,
        user_name TEXT
      ) STRICT;
      INSERT INTO case_history_019 (id, case_id, event, from_state, to_state, at, user_id, role,
          detail, station_name, user_name)
        SELECT id, case_id, event, from_state, to_state, at, user_id, role, detail, station_name,
          user_name
        FROM case_history;
      DROP TABLE case_history;
      ALTER TABLE case_history_019 RENAME TO case_history;
      CREATE INDEX case_history_case ON case_history (case_id, id);
    `);
  },
};
