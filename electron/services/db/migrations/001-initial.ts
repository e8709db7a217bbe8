import type { Migration } from '../migrate';

/** The audit chain, settings and the device inventory. */
export const migration001: Migration = {
  version: 1,
  name: 'initial: audit chain, settings, devices',
  up(db) {
    db.exec(`
      -- Each event is stored as the exact canonical JSON that its hash covers (body). The entity
      -- columns are copies for the index; verification checks that they agree with the body.
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        entity_type TEXT NOT NULL,
        entity_id TEXT,
        body TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);

      -- The head of the chain, updated with every append, so a truncated tail is detected.
      CREATE TABLE audit_head (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        asset_tag TEXT NOT NULL UNIQUE,
        vendor TEXT,
        model TEXT,
        family TEXT,
        modality TEXT,
        serial_number TEXT,
        os_name TEXT,
        os_version TEXT,
        software_version TEXT,
        hostname TEXT,
        ip_address TEXT,
        mac_address TEXT,
        ae_title TEXT,
        network_segment TEXT,
        site TEXT,
        building TEXT,
        floor TEXT,
        room TEXT,
        department TEXT,
        criticality TEXT CHECK (criticality IN ('critical', 'high', 'medium', 'low')),
        remote_update_capable INTEGER CHECK (remote_update_capable IN (0, 1)),
        backup_method TEXT,
        service_contact TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX devices_vendor ON devices (vendor);
      CREATE INDEX devices_family ON devices (family);
      CREATE INDEX devices_department ON devices (department);
    `);
  },
};
