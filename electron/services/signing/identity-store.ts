import type Database from 'better-sqlite3';

export interface IdentityRow {
  id: number;
  fingerprint_sha256: string;
  subject: string;
  issuer: string;
  serial_number: string;
  not_before: string;
  not_after: string;
  source: 'generated' | 'imported';
  key_algorithm: string;
  certificate_der: Buffer;
  chain_der: Buffer | null;
  encrypted_key: string | null;
  created_at: string;
  retired_at: string | null;
}

export type NewIdentity = Omit<IdentityRow, 'id' | 'retired_at' | 'chain_der'> & {
  chain_der: Buffer[];
};

const columns = `id, fingerprint_sha256, subject, issuer, serial_number, not_before, not_after,
  source, key_algorithm, certificate_der, chain_der, encrypted_key, created_at, retired_at`;

interface Statements {
  current: Database.Statement<[], IdentityRow>;
  byFingerprint: Database.Statement<[string], IdentityRow>;
  previousCount: Database.Statement<[], number>;
  retireCurrent: Database.Statement<[string]>;
  insert: Database.Statement<Record<string, unknown>>;
  reinstate: Database.Statement<Record<string, unknown>>;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      current: db.prepare(`SELECT ${columns} FROM signing_identities WHERE current = 1`),
      byFingerprint: db.prepare(
        `SELECT ${columns} FROM signing_identities WHERE fingerprint_sha256 = ?`,
      ),
      previousCount: db
        .prepare('SELECT count(*) FROM signing_identities WHERE current IS NULL')
        .pluck() as Database.Statement<[], number>,
      // A retired identity keeps its certificate (old PDFs still verify) but not its key.
      retireCurrent: db.prepare(
        `UPDATE signing_identities SET current = NULL, retired_at = ?, encrypted_key = NULL
         WHERE current = 1`,
      ),
      insert: db.prepare(
        `INSERT INTO signing_identities (current, fingerprint_sha256, subject, issuer,
           serial_number, not_before, not_after, source, key_algorithm, certificate_der, chain_der,
           encrypted_key, created_at)
         VALUES (1, @fingerprint_sha256, @subject, @issuer, @serial_number, @not_before,
           @not_after, @source, @key_algorithm, @certificate_der, @chain_der, @encrypted_key,
           @created_at)`,
      ),
      // Importing a certificate the organisation used before makes that row current again.
      reinstate: db.prepare(
        `UPDATE signing_identities SET current = 1, retired_at = NULL, source = @source,
           chain_der = @chain_der, encrypted_key = @encrypted_key
         WHERE fingerprint_sha256 = @fingerprint_sha256`,
      ),
    };
    cache.set(db, s);
  }
  return s;
}

export function currentIdentity(db: Database.Database): IdentityRow | undefined {
  return statements(db).current.get();
}

export function identityByFingerprint(
  db: Database.Database,
  fingerprint: string,
): IdentityRow | undefined {
  return statements(db).byFingerprint.get(fingerprint);
}

export function previousIdentityCount(db: Database.Database): number {
  return statements(db).previousCount.get() ?? 0;
}

/** Make `identity` the current one, retiring the one before. Run inside the change's transaction. */
export function replaceCurrentIdentity(
  db: Database.Database,
  identity: NewIdentity,
  now: string,
): IdentityRow {
  const s = statements(db);
  s.retireCurrent.run(now);
  const params = { ...identity, chain_der: joinDer(identity.chain_der) };
  if (s.byFingerprint.get(identity.fingerprint_sha256)) s.reinstate.run(params);
  else s.insert.run(params);
  const row = s.current.get();
  if (!row) throw new Error('The new signing identity was not stored');
  return row;
}

function joinDer(parts: Buffer[]): Buffer | null {
  return parts.length ? Buffer.concat(parts) : null;
}

/** Split concatenated DER certificates (each a SEQUENCE with a definite length). */
export function splitDer(joined: Buffer | null): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (joined && at < joined.length) {
    const first = joined[at + 1] ?? 0;
    let length = first;
    let header = 2;
    if (first & 0x80) {
      const n = first & 0x7f;
      length = 0;
      for (let i = 0; i < n; i++) length = length * 256 + (joined[at + 2 + i] ?? 0);
      header = 2 + n;
    }
    out.push(joined.subarray(at, at + header + length));
    at += header + length;
  }
  return out;
}
