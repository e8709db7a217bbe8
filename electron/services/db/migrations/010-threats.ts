import type { Migration } from '../migrate';

/**
 * Known exploitation and exploit likelihood, imported offline: CISA's KEV catalogs (every
 * version kept, the newest current) and FIRST's EPSS scores (the newest score date kept whole,
 * older sets as their header only: 300,000 rows a day would grow without bound). Cases carry a
 * KEV re-review flag like the advisory-revision one.
 */
export const migration010: Migration = {
  version: 10,
  name: 'KEV and EPSS',
  up(db) {
    db.exec(`
      CREATE TABLE kev_catalogs (
        id INTEGER PRIMARY KEY,
        catalog_version TEXT NOT NULL UNIQUE,
        date_released TEXT NOT NULL,
        count INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE kev_entries (
        catalog_id INTEGER NOT NULL REFERENCES kev_catalogs (id),
        cve_id TEXT NOT NULL,
        vendor_project TEXT NOT NULL,
        product TEXT NOT NULL,
        vulnerability_name TEXT NOT NULL,
        date_added TEXT NOT NULL,
        due_date TEXT NOT NULL,
        ransomware INTEGER NOT NULL CHECK (ransomware IN (0, 1)),
        PRIMARY KEY (catalog_id, cve_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE epss_sets (
        id INTEGER PRIMARY KEY,
        model_version TEXT NOT NULL,
        score_date TEXT NOT NULL,
        rows INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (model_version, score_date)
      ) STRICT;

      CREATE TABLE epss_scores (
        set_id INTEGER NOT NULL REFERENCES epss_sets (id),
        cve_id TEXT NOT NULL,
        epss REAL NOT NULL CHECK (epss >= 0 AND epss <= 1),
        percentile REAL NOT NULL CHECK (percentile >= 0 AND percentile <= 1),
        PRIMARY KEY (set_id, cve_id)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE cases ADD COLUMN kev_review_catalog TEXT;
      ALTER TABLE cases ADD COLUMN kev_review_flagged_at TEXT;
    `);
  },
};
