import type { Migration } from '../migrate';

/** Incidents, their device cases, checklist answers and case history. */
export const migration005: Migration = {
  version: 5,
  name: 'incidents, cases, checklist answers and case history',
  up(db) {
    db.exec(`
      -- A named response to one or more advisories. Names are unique (case-insensitive): two
      -- incidents called alike would be mixed up on the phone and on the board.
      CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        commander_user_id INTEGER NOT NULL REFERENCES users (id),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        summary TEXT,
        created_by INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL,
        closed_by INTEGER REFERENCES users (id),
        closed_at TEXT,
        CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      ) STRICT;

      CREATE TABLE incident_advisories (
        incident_id INTEGER NOT NULL REFERENCES incidents (id),
        advisory_id INTEGER NOT NULL REFERENCES advisories (id),
        PRIMARY KEY (incident_id, advisory_id)
      ) STRICT, WITHOUT ROWID;

      -- One device's response to one advisory within an incident. The advisory revision and the
      -- playbook template version are what the case relied on; review_revision_id is set when a
      -- newer revision of the advisory arrives, until a biomed or IT security user acknowledges it.
      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents (id),
        device_id INTEGER NOT NULL REFERENCES devices (id),
        advisory_id INTEGER NOT NULL REFERENCES advisories (id),
        advisory_revision_id INTEGER NOT NULL REFERENCES advisory_revisions (id),
        match_id INTEGER REFERENCES matches (id),
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('at_risk', 'assessing', 'protected_connected',
          'deferred', 'standalone', 'patching', 'verifying', 'reconnecting',
          'returned_to_service', 'quarantined', 'restoring')),
        state_entered_at TEXT NOT NULL,
        recheck_at TEXT,
        assignee_user_id INTEGER REFERENCES users (id),
        review_revision_id INTEGER REFERENCES advisory_revisions (id),
        review_flagged_at TEXT,
        created_by INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (incident_id, device_id, advisory_id),
        CHECK ((review_revision_id IS NULL) = (review_flagged_at IS NULL))
      ) STRICT;
      CREATE INDEX cases_incident ON cases (incident_id, state);
      CREATE INDEX cases_assignee ON cases (assignee_user_id, state);
      CREATE INDEX cases_advisory ON cases (advisory_id, state);
      CREATE INDEX cases_device ON cases (device_id, advisory_id, state);

      -- Answers are saved one by one as they are given (a draft survives a lock or a crash);
      -- value is the validated answer as JSON. Clearing an answer deletes its row.
      CREATE TABLE case_answers (
        case_id INTEGER NOT NULL REFERENCES cases (id),
        section_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        value TEXT NOT NULL,
        answered_by INTEGER REFERENCES users (id),
        answered_role TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (case_id, section_id, item_id)
      ) STRICT, WITHOUT ROWID;

      -- What happened to a case, in order: opened, each transition, assignments and re-review
      -- flags. The audit trail holds the same facts hash-chained; this is what the screen reads.
      CREATE TABLE case_history (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        event TEXT NOT NULL CHECK (event IN ('opened', 'transition', 'assigned',
          'review_flagged', 'review_acknowledged')),
        from_state TEXT,
        to_state TEXT NOT NULL,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users (id),
        role TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX case_history_case ON case_history (case_id, id);
    `);
  },
};
