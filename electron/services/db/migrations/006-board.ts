import type { Migration } from '../migrate';

/**
 * The incident board: indexes for its filters and sorts, and the commander's bulk decisions.
 * Every board query is scoped to one incident, so each index starts with incident_id.
 */
export const migration006: Migration = {
  version: 6,
  name: 'incident board indexes and bulk decisions',
  up(db) {
    db.exec(`
      -- Filter by assignee (and "My devices" within an incident), sort by assignee.
      CREATE INDEX cases_board_assignee ON cases (incident_id, assignee_user_id, state);
      -- Filter by advisory.
      CREATE INDEX cases_board_advisory ON cases (incident_id, advisory_id, state);
      -- The device of each case, for the device filters (site, building, department, modality,
      -- family) that join devices; covering the join key keeps it off the table.
      CREATE INDEX cases_board_device ON cases (incident_id, device_id);
      -- Sorts by time.
      CREATE INDEX cases_board_entered ON cases (incident_id, state_entered_at);
      CREATE INDEX cases_board_updated ON cases (incident_id, updated_at);
      -- Deferred cases by re-check time: the overdue list and the re-check sort.
      CREATE INDEX cases_board_recheck ON cases (incident_id, recheck_at) WHERE state = 'deferred';
      -- Cases flagged for re-review.
      CREATE INDEX cases_board_review ON cases (incident_id) WHERE review_revision_id IS NOT NULL;
      -- Device filters across incidents, and the facets.
      CREATE INDEX devices_site ON devices (site, building, department);
      CREATE INDEX devices_modality ON devices (modality);

      -- A decision the incident commander took for many cases at once, signed once (the
      -- bulk_decision sign-off is on this row's content: incident, decision and the sorted case
      -- ids). What it moved and refused is recorded when it has run.
      CREATE TABLE bulk_decisions (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents (id),
        kind TEXT NOT NULL CHECK (kind IN ('transition', 'recheck')),
        decision TEXT NOT NULL,
        case_ids TEXT NOT NULL,
        decided_by INTEGER NOT NULL REFERENCES users (id),
        decided_at TEXT NOT NULL,
        outcome TEXT
      ) STRICT;
      CREATE INDEX bulk_decisions_incident ON bulk_decisions (incident_id, id);
    `);
  },
};
