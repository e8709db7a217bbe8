import type Database from 'better-sqlite3';
import type { AdvisoryConflict, AdvisoryCopy } from '../../api/domains/exchange';
import { sameRevisionDocument } from '../advisories/advisory-store';
import { selfRow } from '../stations/station-store';

/**
 * Advisories are facility reference data keyed by tracking ID and version. When another station's
 * events describe a revision under an ID and version stored here that is another document (by the
 * rule an import uses to refuse one: advisories/advisory-store.ts), each station keeps its own
 * (a bundle's differing document is not stored here: carried-advisories.ts) and the difference is
 * listed here for the commander, never settled silently.
 */

interface CopyRow {
  trackingId: string;
  version: string;
  title: string;
  hereFile: string;
  hereSha256: string;
  stationId: string;
  stationName: string;
  thereFile: string;
  thereSha256: string;
}

const shortDigest = (sha256: string): string => sha256.slice(0, 12);

export function advisoryConflicts(db: Database.Database): AdvisoryConflict[] {
  const self = selfRow(db);
  const rows = db
    .prepare<[string], CopyRow>(
      `SELECT a.tracking_id AS trackingId, r.version, r.title, r.file_name AS hereFile,
              r.canonical_sha256 AS hereSha256, s.station_id AS stationId, s.name AS stationName,
              sr.file_name AS thereFile, sr.canonical_sha256 AS thereSha256
         FROM advisory_revisions r
         JOIN advisories a ON a.id = r.advisory_id
         JOIN station_advisories sa
           ON sa.tracking_id = a.tracking_id AND sa.publisher_namespace = a.publisher_namespace
         JOIN station_advisory_revisions sr
           ON sr.station_id = sa.station_id AND sr.advisory_id = sa.id AND sr.version = r.version
         JOIN stations s ON s.station_id = sa.station_id
        WHERE sa.station_id <> ?
        ORDER BY a.tracking_id, r.version, s.name, s.station_id`,
    )
    .all(self?.station_id ?? '');
  const conflicts = new Map<string, AdvisoryConflict>();
  for (const row of rows) {
    if (
      sameRevisionDocument(
        { canonicalSha256: row.hereSha256 },
        { canonicalSha256: row.thereSha256 },
      )
    ) {
      continue;
    }
    const key = JSON.stringify([row.trackingId, row.version]);
    const there: AdvisoryCopy = {
      stationId: row.stationId,
      stationName: row.stationName,
      fileName: row.thereFile,
      digest: shortDigest(row.thereSha256),
    };
    const known = conflicts.get(key);
    if (known) {
      known.elsewhere.push(there);
      continue;
    }
    conflicts.set(key, {
      trackingId: row.trackingId,
      version: row.version,
      title: row.title,
      here: {
        stationId: self?.station_id ?? null,
        stationName: self?.name ?? null,
        fileName: row.hereFile,
        digest: shortDigest(row.hereSha256),
      },
      elsewhere: [there],
    });
  }
  return [...conflicts.values()];
}
