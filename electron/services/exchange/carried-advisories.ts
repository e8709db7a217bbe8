import type Database from 'better-sqlite3';
import { systemActor } from '../audit/append';
import { digestOf } from '../audit/row-images';
import { englishErrorWords, type ErrorWords } from '../../api/error-words';
import { readCsaf, storeAdvisory } from '../advisories/csaf-import';
import type { CsafDocument } from '../advisories/csaf-types';
import type { Services } from '../core/context';
import { englishReason, refusal, type CarriedAdvisory } from './bundle-format';

/**
 * Advisories are facility reference data, keyed by tracking ID and version: a case held at
 * another station is ranked here by this station's copy of its advisory (remote-priority.ts),
 * and a case handed here is opened on it. A bundle therefore carries the document (the CSAF file
 * as imported) of each advisory revision its events refer to, unless every other station is
 * known to hold that tracking ID and version (its own events, received here, say so). The
 * receiving station validates each document as an import validates a file (strict CSAF schema and
 * mandatory tests) before the bundle's transaction opens (validation is asynchronous, the
 * transaction is not), checks it against the digest the station's signed events carry, and
 * stores it as an import stores a file (csaf-import.ts), audited, inside the bundle's
 * transaction. The same document again changes nothing; an older revision than the one here is
 * kept beside it as a revision (the cases there that work on it are ranked here by it); a
 * differing document under an ID and version stored here is not stored and is named in the
 * import's outcome.
 */

interface RevisionRow {
  id: number;
  tracking_id: string;
  version: string;
  file_name: string;
  raw: string;
}

/** The documents for a bundle whose events follow event `fromId` of this station's chain. */
export function advisoriesToCarry(
  db: Database.Database,
  selfId: string,
  fromId: number,
): CarriedAdvisory[] {
  const rows = db
    .prepare<[number, string], RevisionRow>(
      `WITH touched(entity_type, entity_id) AS (
         SELECT entity_type, entity_id FROM audit_events
          WHERE id > ? AND entity_type IN ('advisory', 'case', 'incident')),
       referred(id) AS (
         SELECT a.current_revision_id FROM advisories a
          WHERE CAST(a.id AS TEXT) IN (SELECT entity_id FROM touched WHERE entity_type = 'advisory')
         UNION SELECT c.advisory_revision_id FROM cases c
          WHERE CAST(c.id AS TEXT) IN (SELECT entity_id FROM touched WHERE entity_type = 'case')
         UNION SELECT c.review_revision_id FROM cases c
          WHERE c.review_revision_id IS NOT NULL
            AND CAST(c.id AS TEXT) IN (SELECT entity_id FROM touched WHERE entity_type = 'case')
         UNION SELECT a.current_revision_id FROM incident_advisories ia
           JOIN advisories a ON a.id = ia.advisory_id
          WHERE CAST(ia.incident_id AS TEXT) IN
            (SELECT entity_id FROM touched WHERE entity_type = 'incident')),
       others(station_id) AS (
         SELECT station_id FROM stations WHERE station_id <> ? AND revoked_at IS NULL)
       SELECT r.id, a.tracking_id, r.version, r.file_name, r.raw
         FROM advisory_revisions r JOIN advisories a ON a.id = r.advisory_id
        WHERE r.id IN (SELECT id FROM referred)
          AND (NOT EXISTS (SELECT 1 FROM others) OR EXISTS (
            SELECT 1 FROM others o WHERE NOT EXISTS (
              SELECT 1 FROM station_advisory_revisions sr
                JOIN station_advisories sa ON sa.station_id = sr.station_id
                 AND sa.id = sr.advisory_id
               WHERE sr.station_id = o.station_id AND sa.tracking_id = a.tracking_id
                 AND sr.version = r.version)))
        ORDER BY r.id`,
    )
    .all(fromId, selfId);
  return rows.map((r) => ({
    revisionId: r.id,
    trackingId: r.tracking_id,
    version: r.version,
    fileName: r.file_name,
    document: r.raw,
  }));
}

/**
 * Validate every carried document not already here as it is (same tracking ID, version and text),
 * before the bundle's transaction opens. Throws a Refusal naming the first document that is not
 * valid CSAF 2.0: its tracking ID and version, its file name, and the validator's first problem
 * in plain words.
 */
export async function validateCarriedAdvisories(
  db: Database.Database,
  stationName: string,
  advisories: readonly CarriedAdvisory[],
): Promise<void> {
  const here = db
    .prepare<[string, string, string], number>(
      `SELECT 1 FROM advisory_revisions r JOIN advisories a ON a.id = r.advisory_id
        WHERE a.tracking_id = ? AND r.version = ? AND r.raw = ?`,
    )
    .pluck();
  const unknown = advisories.filter((c) => here.get(c.trackingId, c.version, c.document) !== 1);
  for (const c of unknown) {
    const read = await readCsaf({ fileName: c.fileName, content: c.document });
    if (read.ok) continue;
    // The first problem says the file is not valid; the validator's own first one follows it.
    const problems = read.result.problems ?? [];
    const first = problems[1] ?? problems[0];
    // The validator's words (a schema path, the field) are for IT, behind Details.
    throw refusal(
      'content',
      'carriedAdvisoryInvalid',
      { trackingId: c.trackingId, version: c.version, file: c.fileName, station: stationName },
      first ? englishErrorWords(first.words) : read.result.messages.join(' '),
    );
  }
}

interface ReplicaRevision {
  tracking_id: string;
  version: string;
  raw: string;
  sha256: string;
}

/** A carried advisory not stored here: its words, what the import found (for Details), the English. */
export interface NotStored {
  words: ErrorWords;
  technical: string;
  reason: string;
}

/**
 * Store the documents a station's bundle carries, after its events were applied to the replica
 * (inside the bundle's transaction). Throws a Refusal, naming the advisory, when a
 * document is not the one the station's events describe. Returns what was not stored, and why.
 */
export function storeCarriedAdvisories(
  services: Services,
  station: { id: string; name: string },
  advisories: readonly CarriedAdvisory[],
): NotStored[] {
  const described = services.db.prepare<[string, number], ReplicaRevision>(
    `SELECT a.tracking_id, r.version, r.raw, r.sha256 FROM station_advisory_revisions r
       JOIN station_advisories a ON a.station_id = r.station_id AND a.id = r.advisory_id
      WHERE r.station_id = ? AND r.id = ?`,
  );
  const notStored: NotStored[] = [];
  for (const c of advisories) {
    const named = { trackingId: c.trackingId, version: c.version, station: station.name };
    const row = described.get(station.id, c.revisionId);
    if (!row || row.tracking_id !== c.trackingId || row.version !== c.version) {
      throw refusal('content', 'carriedAdvisoryNotDescribed', named);
    }
    if (digestOf(c.document) !== row.raw) {
      throw refusal('content', 'carriedAdvisoryChanged', named);
    }
    const doc = parsedDocument(c.document);
    if (doc === null) {
      throw refusal('content', 'carriedAdvisoryNotCsaf', named);
    }
    let result;
    try {
      result = storeAdvisory(
        { services, actor: systemActor },
        { doc, text: c.document, fileName: c.fileName, sha256: row.sha256 },
        station,
      );
    } catch (error) {
      // What the system said is for IT, behind Details; the sentence says what to do.
      throw refusal(
        'content',
        'carriedAdvisoryUnreadable',
        named,
        error instanceof Error ? error.message : String(error),
      );
    }
    if (result.trackingId !== c.trackingId || result.version !== c.version) {
      throw refusal('content', 'carriedAdvisoryOtherId', named);
    }
    if (result.outcome === 'refused') {
      const words: ErrorWords = { key: 'carriedAdvisoryNotStored', params: named };
      const technical = result.messages.join(' ');
      notStored.push({ words, technical, reason: englishReason(words, technical) });
    }
  }
  return notStored;
}

function parsedDocument(text: string): CsafDocument | null {
  try {
    const doc = JSON.parse(text) as unknown;
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
      ? (doc as CsafDocument)
      : null;
  } catch {
    return null;
  }
}
