import type { Migration } from '../migrate';

/**
 * Stations of the facility: this installation's own identity, the organisation's station
 * authority (the trust anchor of every bundle), every station known here with the last head of
 * its chain received, and the events of other stations as they arrived in bundles.
 */
export const migration008: Migration = {
  version: 8,
  name: 'stations and bundle exchange',
  up(db) {
    db.exec(`
      -- This installation. The private key is not here: it lives in a file of its own in the
      -- data folder, so that neither a backup nor a bundle ever carries it.
      CREATE TABLE station_self (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        station_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        public_key_der BLOB NOT NULL,
        key_fingerprint TEXT NOT NULL,
        certificate_der BLOB,
        created_at TEXT NOT NULL
      ) STRICT;

      -- The self-signed CA certificate over the organisation's key that issues station
      -- certificates. At the station holding the organisation identity it is made at the first
      -- enrolment; elsewhere it arrives in the enrolment response.
      CREATE TABLE station_authority (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        certificate_der BLOB NOT NULL,
        fingerprint_sha256 TEXT NOT NULL,
        -- The organisation identity (certificate fingerprint) whose key it carries, when known.
        organisation_fingerprint TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE stations (
        station_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL,
        certificate_der BLOB,
        enrolled_at TEXT,
        revoked_at TEXT,
        -- The signed revocation statement as it travels in bundles (JSON).
        revocation TEXT,
        last_heard_from TEXT,
        head_id INTEGER,
        head_hash TEXT,
        CHECK ((head_id IS NULL) = (head_hash IS NULL))
      ) STRICT;

      -- Other stations' audit events, exactly as they were hashed at their station.
      CREATE TABLE station_events (
        station_id TEXT NOT NULL REFERENCES stations (station_id),
        id INTEGER NOT NULL,
        body TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (station_id, id)
      ) STRICT, WITHOUT ROWID;

      -- How far each other station has acknowledged this station's chain (from its bundles), so
      -- that the next bundle carries only what is new to them.
      CREATE TABLE station_acks (
        station_id TEXT PRIMARY KEY REFERENCES stations (station_id),
        acked_id INTEGER NOT NULL,
        acked_hash TEXT NOT NULL
      ) STRICT;
    `);
  },
};
