import type { Migration } from '../migrate';

/**
 * Bundles imported before migration 011 stored their events but had no replica to apply them to,
 * so those stations' cases never reached the facility view. Every station with stored events is
 * marked here, and its replica is rebuilt from its events when the database is next opened
 * (`replayPendingReplicas`), in one transaction with the removal of its mark: an interrupted
 * rebuild is simply done again. The rebuild runs outside the migration because it applies events
 * through today's description of the tables, which later migrations may still change.
 */
export const migration013: Migration = {
  version: 13,
  name: 'replay stored bundles into the facility replica',
  up(db) {
    db.exec(`
      CREATE TABLE station_replica_pending (
        station_id TEXT PRIMARY KEY REFERENCES stations (station_id)
      ) STRICT;
      INSERT INTO station_replica_pending (station_id)
        SELECT DISTINCT station_id FROM station_events;
    `);
  },
};
