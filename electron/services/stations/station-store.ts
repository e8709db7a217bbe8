import type Database from 'better-sqlite3';

export interface SelfRow {
  station_id: string;
  name: string;
  public_key_der: Buffer;
  key_fingerprint: string;
  certificate_der: Buffer | null;
  created_at: string;
}

export interface AuthorityRow {
  certificate_der: Buffer;
  fingerprint_sha256: string;
  organisation_fingerprint: string | null;
  created_at: string;
}

export interface StationRow {
  station_id: string;
  name: string;
  key_fingerprint: string;
  certificate_der: Buffer | null;
  enrolled_at: string | null;
  revoked_at: string | null;
  revocation: string | null;
  last_heard_from: string | null;
  head_id: number | null;
  head_hash: string | null;
}

export function selfRow(db: Database.Database): SelfRow | undefined {
  return db.prepare<[], SelfRow>('SELECT * FROM station_self WHERE singleton = 1').get();
}

export function insertSelf(db: Database.Database, row: Omit<SelfRow, 'certificate_der'>): void {
  db.prepare(
    `INSERT INTO station_self (singleton, station_id, name, public_key_der, key_fingerprint,
       created_at)
     VALUES (1, @station_id, @name, @public_key_der, @key_fingerprint, @created_at)`,
  ).run(row);
}

export function setSelfCertificate(db: Database.Database, certificateDer: Buffer): void {
  db.prepare('UPDATE station_self SET certificate_der = ? WHERE singleton = 1').run(certificateDer);
}

export function authorityRow(db: Database.Database): AuthorityRow | undefined {
  return db.prepare<[], AuthorityRow>('SELECT * FROM station_authority WHERE singleton = 1').get();
}

/**
 * Whether the station authority was made here, over this station's organisation identity: this
 * is the station that enrols the others (the command post). A station that accepted an enrolment
 * knows the authority's certificate only.
 */
export function holdsAuthority(db: Database.Database): boolean {
  return (authorityRow(db)?.organisation_fingerprint ?? null) !== null;
}

export function insertAuthority(db: Database.Database, row: AuthorityRow): void {
  db.prepare(
    `INSERT INTO station_authority (singleton, certificate_der, fingerprint_sha256,
       organisation_fingerprint, created_at)
     VALUES (1, @certificate_der, @fingerprint_sha256, @organisation_fingerprint, @created_at)`,
  ).run(row);
}

export function stationRow(db: Database.Database, stationId: string): StationRow | undefined {
  return db
    .prepare<[string], StationRow>('SELECT * FROM stations WHERE station_id = ?')
    .get(stationId);
}

export function allStations(db: Database.Database): StationRow[] {
  return db.prepare<[], StationRow>('SELECT * FROM stations ORDER BY name, station_id').all();
}

/** Record a station (or its new certificate); keeps what is known about its chain and revocation. */
export function upsertStation(
  db: Database.Database,
  row: Pick<StationRow, 'station_id' | 'name' | 'key_fingerprint' | 'certificate_der'> & {
    enrolled_at: string | null;
  },
): void {
  db.prepare(
    `INSERT INTO stations (station_id, name, key_fingerprint, certificate_der, enrolled_at)
     VALUES (@station_id, @name, @key_fingerprint, @certificate_der, @enrolled_at)
     ON CONFLICT (station_id) DO UPDATE SET name = excluded.name,
       key_fingerprint = excluded.key_fingerprint, certificate_der = excluded.certificate_der,
       enrolled_at = coalesce(excluded.enrolled_at, stations.enrolled_at)`,
  ).run(row);
}

export function markRevoked(
  db: Database.Database,
  stationId: string,
  revokedAt: string,
  revocation: string,
): void {
  db.prepare(
    `UPDATE stations SET revoked_at = coalesce(revoked_at, ?), revocation = coalesce(revocation, ?)
     WHERE station_id = ?`,
  ).run(revokedAt, revocation, stationId);
}

export function setHead(
  db: Database.Database,
  stationId: string,
  head: { id: number; hash: string },
  heardAt: string,
): void {
  db.prepare(
    'UPDATE stations SET head_id = ?, head_hash = ?, last_heard_from = ? WHERE station_id = ?',
  ).run(head.id, head.hash, heardAt, stationId);
}

/**
 * This station's name as the record knows it: once the audit trail holds its initialisation.
 * A record rebuilt as of an earlier point (verify-pdf) names no station, as it did then.
 */
export function stationNameOnRecord(db: Database.Database): string | null {
  const name = db
    .prepare(
      `SELECT s.name FROM station_self s
        WHERE EXISTS (SELECT 1 FROM audit_events e
                       WHERE e.entity_type = 'station' AND e.entity_id = s.station_id
                         AND e.body ->> '$.action' = 'station.initialised')`,
    )
    .pluck()
    .get() as string | undefined;
  return name ?? null;
}
