import type { Migration } from '../migrate';

/** The organisation's signing identity: its certificate and its passphrase-encrypted key. */
export const migration004: Migration = {
  version: 4,
  name: 'the signing identity of the organisation',
  up(db) {
    db.exec(`
      -- One row per identity the organisation has had. The current one has current = 1 (at most
      -- one row, by the UNIQUE constraint); earlier ones keep only their certificate, so that
      -- PDFs they signed still verify, and lose their key (encrypted_key NULL) when retired.
      CREATE TABLE signing_identities (
        id INTEGER PRIMARY KEY,
        current INTEGER UNIQUE CHECK (current = 1),
        fingerprint_sha256 TEXT NOT NULL UNIQUE,
        subject TEXT NOT NULL,
        issuer TEXT NOT NULL,
        serial_number TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('generated', 'imported')),
        key_algorithm TEXT NOT NULL,
        certificate_der BLOB NOT NULL,
        -- Further certificates of an imported chain (DER, concatenated), sent with each signature.
        chain_der BLOB,
        -- JSON envelope: scrypt parameters, salt, IV, AES-256-GCM tag and ciphertext of PKCS#8.
        encrypted_key TEXT,
        created_at TEXT NOT NULL,
        retired_at TEXT,
        CHECK ((current IS NULL) = (retired_at IS NOT NULL)),
        CHECK (current IS NULL OR encrypted_key IS NOT NULL)
      ) STRICT;
    `);
  },
};
