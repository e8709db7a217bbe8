import type { Migration } from '../migrate';

/** people: users, credentials, sessions, sign-offs. */
export const migration002: Migration = {
  version: 2,
  name: 'people: users, credentials, sessions, sign-offs',
  up(db) {
    db.exec(`
      -- Users are never deleted (the audit trail and sign-offs refer to them); active = 0 instead.
      -- credential_hash is 'scrypt$N$r$p$salt$key': the parameters travel with the hash so they
      -- can be raised later and old hashes still verify (and are upgraded at the next sign-in).
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        display_name TEXT NOT NULL,
        staff_id TEXT COLLATE NOCASE UNIQUE,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
        credential_kind TEXT NOT NULL CHECK (credential_kind IN ('pin', 'password')),
        credential_hash TEXT NOT NULL,
        must_change_credential INTEGER NOT NULL DEFAULT 0 CHECK (must_change_credential IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX users_display_name ON users (display_name);

      -- Role codes are checked in code (electron/api/permissions.ts), so a new role needs no
      -- table rebuild.
      CREATE TABLE user_roles (
        user_id INTEGER NOT NULL REFERENCES users (id),
        role TEXT NOT NULL,
        PRIMARY KEY (user_id, role)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX user_roles_role ON user_roles (role, user_id);

      -- What a user was typing when the station locked; per user and key (e.g. a checklist).
      CREATE TABLE drafts (
        user_id INTEGER NOT NULL REFERENCES users (id),
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (user_id, key)
      ) STRICT, WITHOUT ROWID;

      -- A sign-off keeps the statement as attested, the signer's name and role at the time, and
      -- the content signed (canonical JSON) with its SHA-256, so a later change shows it stale.
      CREATE TABLE signoffs (
        id INTEGER PRIMARY KEY,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users (id),
        user_name TEXT NOT NULL,
        role TEXT NOT NULL,
        statement TEXT NOT NULL,
        content TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        signed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX signoffs_subject ON signoffs (subject_type, subject_id, kind);
    `);
  },
};
