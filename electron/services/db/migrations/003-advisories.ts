import type { Migration } from '../migrate';

/** advisories, products, vulnerabilities, matches. */
export const migration003: Migration = {
  version: 3,
  name: 'advisories, products, vulnerabilities, matches',
  up(db) {
    db.exec(`
      -- One advisory per publisher and tracking ID (CSAF makes the ID unique per publisher: the
      -- bundled summary of ICSMA-17-215-02 and CISA's own document are two advisories).
      CREATE TABLE advisories (
        id INTEGER PRIMARY KEY,
        publisher_namespace TEXT NOT NULL,
        tracking_id TEXT NOT NULL,
        current_revision_id INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (publisher_namespace, tracking_id)
      ) STRICT;

      -- Every revision ever imported: the raw document, its hash, and the normalised view (JSON,
      -- read whole). The summary columns serve the advisory list without parsing JSON.
      CREATE TABLE advisory_revisions (
        id INTEGER PRIMARY KEY,
        advisory_id INTEGER NOT NULL REFERENCES advisories (id),
        version TEXT NOT NULL,
        status TEXT NOT NULL,
        title TEXT NOT NULL,
        publisher_name TEXT NOT NULL,
        initial_release_date TEXT NOT NULL,
        current_release_date TEXT NOT NULL,
        vendors TEXT NOT NULL,
        cve_count INTEGER NOT NULL,
        highest_cvss REAL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        canonical_sha256 TEXT NOT NULL,
        raw TEXT NOT NULL,
        normalized TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (advisory_id, version)
      ) STRICT;

      -- At most one match per device and advisory (the best product); the decision survives
      -- recomputation, and current = 0 marks a decided match the latest run no longer finds.
      CREATE TABLE matches (
        id INTEGER PRIMARY KEY,
        device_id INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
        advisory_id INTEGER NOT NULL REFERENCES advisories (id),
        revision_id INTEGER NOT NULL REFERENCES advisory_revisions (id),
        product_id TEXT NOT NULL,
        product_name TEXT NOT NULL,
        confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
        reasons TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'suggested'
          CHECK (status IN ('suggested', 'confirmed', 'dismissed')),
        current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
        decided_by INTEGER,
        decided_role TEXT,
        decided_at TEXT,
        decision_reason TEXT,
        decided_revision_id INTEGER REFERENCES advisory_revisions (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (device_id, advisory_id)
      ) STRICT;
      CREATE INDEX matches_advisory ON matches (advisory_id, status, device_id);
      CREATE INDEX matches_status ON matches (status, advisory_id);
    `);
  },
};
