import type { Migration } from '../migrate';

/**
 * The commander's choices when two stations opened a case for the same device and advisory:
 * which station holds it. Keyed as the facility names the pair (asset tag and tracking ID), since
 * the stations' own row IDs differ. Each choice is written with its audit event, which carries
 * the whole of it; the table is not among the bound tables, whose list migration 009 reads as the
 * code has it, so a table created after 009 cannot join it.
 */
export const migration014: Migration = {
  version: 14,
  name: 'case conflicts decided by the commander',
  up(db) {
    db.exec(`
      CREATE TABLE case_conflict_decisions (
        asset_tag TEXT NOT NULL,
        tracking_id TEXT NOT NULL,
        station_id TEXT NOT NULL,
        reason TEXT,
        decided_by INTEGER NOT NULL REFERENCES users (id),
        decided_at TEXT NOT NULL,
        PRIMARY KEY (asset_tag, tracking_id)
      ) STRICT;
    `);
  },
};
