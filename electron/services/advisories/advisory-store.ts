import type Database from 'better-sqlite3';
import type {
  AdvisoryDetail,
  AdvisoryRevisionInfo,
  AdvisorySummary,
  NormalizedAdvisory,
} from '../../api/domains/advisories';
import { notFound } from '../core/errors';
import { likePattern } from '../devices/devices';
import type { MatchableAdvisory } from '../matching/types';

export interface KnownAdvisory {
  id: number;
  revisionId: number;
  version: string;
  canonicalSha256: string;
}

export function findAdvisory(
  db: Database.Database,
  namespace: string,
  trackingId: string,
): KnownAdvisory | undefined {
  return db
    .prepare(
      `SELECT a.id, r.id AS revisionId, r.version, r.canonical_sha256 AS canonicalSha256
         FROM advisories a JOIN advisory_revisions r ON r.id = a.current_revision_id
        WHERE a.publisher_namespace = ? AND a.tracking_id = ?`,
    )
    .get(namespace, trackingId) as KnownAdvisory | undefined;
}

/**
 * Two documents under one tracking ID and version are the same revision when their canonical
 * JSON (RFC 8785) digests are equal: formatting and key order do not count, any other change
 * does. An import refuses a differing document (`csafRevisionDiffers`) and keeps the one stored;
 * the exchange lists one received from another station as a conflict (advisory-conflicts.ts).
 */
export function sameRevisionDocument(
  a: { canonicalSha256: string },
  b: { canonicalSha256: string },
): boolean {
  return a.canonicalSha256 === b.canonicalSha256;
}

export interface NewRevision {
  advisory: NormalizedAdvisory;
  raw: string;
  fileName: string;
  sha256: string;
  canonicalSha256: string;
}

/**
 * A revision of an advisory by its version, current or not (a station keeps an older revision
 * another station's cases work on beside its current one: exchange/carried-advisories.ts).
 */
export function findRevision(
  db: Database.Database,
  of: { advisoryId: number; version: string },
): { id: number; canonicalSha256: string } | undefined {
  return db
    .prepare<[number, string], { id: number; canonicalSha256: string }>(
      `SELECT id, canonical_sha256 AS canonicalSha256 FROM advisory_revisions
        WHERE advisory_id = ? AND version = ?`,
    )
    .get(of.advisoryId, of.version);
}

/**
 * Store a revision and make it the advisory's current one (creating the advisory if new); with
 * `current: false`, an older revision kept beside the current one, which stays current.
 */
export function storeRevision(
  db: Database.Database,
  advisoryId: number | null,
  r: NewRevision,
  now: string,
  options: { current: boolean } = { current: true },
): { advisoryId: number; revisionId: number } {
  const a = r.advisory;
  const id =
    advisoryId ??
    Number(
      db
        .prepare(
          `INSERT INTO advisories (publisher_namespace, tracking_id, created_at, updated_at)
           VALUES (?, ?, ?, ?)`,
        )
        .run(a.publisher.namespace, a.trackingId, now, now).lastInsertRowid,
    );
  const vendors = [...new Set(a.products.map((p) => p.vendor).filter((v): v is string => !!v))];
  const cves = new Set(a.vulnerabilities.map((v) => v.cve).filter(Boolean));
  const scores = a.vulnerabilities.flatMap((v) =>
    v.highestBaseScore === null ? [] : [v.highestBaseScore],
  );
  const revisionId = Number(
    db
      .prepare(
        `INSERT INTO advisory_revisions (advisory_id, version, status, title, publisher_name,
           initial_release_date, current_release_date, vendors, cve_count, highest_cvss, file_name,
           sha256, canonical_sha256, raw, normalized, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        a.version,
        a.status,
        a.title,
        a.publisher.name,
        a.initialReleaseDate,
        a.currentReleaseDate,
        JSON.stringify(vendors),
        cves.size,
        scores.length ? Math.max(...scores) : null,
        r.fileName,
        r.sha256,
        r.canonicalSha256,
        r.raw,
        JSON.stringify(a),
        now,
      ).lastInsertRowid,
  );
  if (options.current) {
    db.prepare('UPDATE advisories SET current_revision_id = ?, updated_at = ? WHERE id = ?').run(
      revisionId,
      now,
      id,
    );
  }
  return { advisoryId: id, revisionId };
}

/** A summary as SQL returns it: the vendors as one JSON text. */
type SummaryRow = Omit<AdvisorySummary, 'vendors'> & { vendors: string };

const summarySelect = `
  SELECT a.id, a.tracking_id AS trackingId, r.version, r.status, r.title,
         r.publisher_name AS publisher, r.vendors, r.cve_count AS cveCount,
         r.highest_cvss AS highestCvss, r.initial_release_date AS initialReleaseDate,
         r.current_release_date AS currentReleaseDate,
         (SELECT count(*) FROM advisory_revisions x WHERE x.advisory_id = a.id) AS revisionCount,
         (SELECT count(*) FROM matches m
           WHERE m.advisory_id = a.id AND m.status IN ('suggested', 'confirmed')) AS devicesMatched
    FROM advisories a JOIN advisory_revisions r ON r.id = a.current_revision_id`;

const toSummary = (row: SummaryRow): AdvisorySummary => ({
  ...row,
  vendors: JSON.parse(row.vendors) as string[],
});

export function listAdvisories(
  db: Database.Database,
  search: string | undefined,
): AdvisorySummary[] {
  const text = search?.trim();
  const rows = text
    ? (db
        .prepare(
          `${summarySelect}
            WHERE a.tracking_id LIKE ? ESCAPE '\\' OR r.title LIKE ? ESCAPE '\\'
               OR r.vendors LIKE ? ESCAPE '\\'
            ORDER BY r.current_release_date DESC, a.tracking_id`,
        )
        .all(likePattern(text), likePattern(text), likePattern(text)) as SummaryRow[])
    : (db
        .prepare(`${summarySelect} ORDER BY r.current_release_date DESC, a.tracking_id`)
        .all() as SummaryRow[]);
  return rows.map(toSummary);
}

export function getAdvisory(db: Database.Database, id: number): AdvisoryDetail {
  const row = db.prepare(`${summarySelect} WHERE a.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw notFound('advisory', id);
  const current = db
    .prepare(
      `SELECT r.normalized FROM advisories a JOIN advisory_revisions r ON r.id = a.current_revision_id
        WHERE a.id = ?`,
    )
    .pluck()
    .get(id) as string;
  // The current revision first, then the older ones (replaced here, or kept for the cases
  // another station works on them: exchange/carried-advisories.ts), newest first.
  const revisions = db
    .prepare(
      `SELECT r.version, r.status, r.current_release_date AS currentReleaseDate,
              r.imported_at AS importedAt, r.file_name AS fileName, r.sha256,
              (r.id = a.current_revision_id) AS current
         FROM advisory_revisions r JOIN advisories a ON a.id = r.advisory_id
        WHERE r.advisory_id = ?
        ORDER BY (r.id = a.current_revision_id) DESC, r.current_release_date DESC, r.id DESC`,
    )
    .all(id) as (Omit<AdvisoryRevisionInfo, 'current'> & { current: number })[];
  return {
    ...toSummary(row),
    advisory: JSON.parse(current) as NormalizedAdvisory,
    revisions: revisions.map((r) => ({ ...r, current: r.current === 1 })),
  };
}

/** The current revision of every advisory, as matching reads it. */
export function loadMatchableAdvisories(db: Database.Database): MatchableAdvisory[] {
  const rows = db
    .prepare(
      `SELECT a.id AS advisoryId, r.id AS revisionId, a.tracking_id AS trackingId, r.version,
              r.publisher_name AS publisher, r.normalized
         FROM advisories a JOIN advisory_revisions r ON r.id = a.current_revision_id
        ORDER BY a.id`,
    )
    .all() as (Omit<MatchableAdvisory, 'products'> & { normalized: string })[];
  return rows.map(({ normalized, ...rest }) => ({
    ...rest,
    products: (JSON.parse(normalized) as NormalizedAdvisory).products,
  }));
}
