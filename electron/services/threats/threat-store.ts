import type Database from 'better-sqlite3';
import type {
  CveThreat,
  EpssImportResult,
  KevImportResult,
  ThreatStatus,
} from '../../api/domains/threats';
import { sha256Hex } from '../audit/hash';
import { insertHistory } from '../cases/case-store';
import { mutate, type MutateContext } from '../core/context';
import { wordedError } from '../core/errors';
import { parseEpssFile, type EpssFile } from './epss-parse';
import { parseKevCatalog, type KevCatalog, type Parsed } from './kev-parse';
import { heldHere } from '../cases/held-here';

interface ThreatFile {
  fileName: string;
  content: string;
}

/** A file refused, with the parser's reason worded from the errors catalogue. */
function refuse(fileName: string, { words }: Extract<Parsed<unknown>, { ok: false }>): never {
  throw wordedError('invalid_input', words.key, { ...words.params, file: fileName });
}

/**
 * The file parsed, or refused with the parser's words; its hash, to spot a re-import; and what
 * the import's result says of it: the file's name and `describe`'s fields of the parsed value.
 */
function readThreatFile<T, D>(
  file: ThreatFile,
  parse: (content: string) => Parsed<T>,
  describe: (value: T) => D,
): { value: T; sha256: string; base: D & { fileName: string } } {
  const parsed = parse(file.content);
  if (!parsed.ok) refuse(file.fileName, parsed);
  const base = { fileName: file.fileName, ...describe(parsed.value) };
  return { value: parsed.value, sha256: sha256Hex(file.content), base };
}

interface CatalogRow {
  id: number;
  catalogVersion: string;
  dateReleased: string;
  count: number;
  importedAt: string;
  fileName: string;
  sha256: string;
}

function currentCatalog(db: Database.Database): CatalogRow | undefined {
  return db
    .prepare(
      `SELECT id, catalog_version AS catalogVersion, date_released AS dateReleased, count,
              imported_at AS importedAt, file_name AS fileName, sha256
         FROM kev_catalogs ORDER BY date_released DESC, id DESC LIMIT 1`,
    )
    .get() as CatalogRow | undefined;
}

/** Open cases whose advisory names a CVE this catalog adds; the advisory JSON is read once each. */
function casesWithCves(db: Database.Database, added: ReadonlySet<string>) {
  const rows = db
    .prepare(
      `SELECT c.id, c.state, c.advisory_revision_id AS revisionId
         FROM cases c WHERE c.state <> 'returned_to_service' AND ${heldHere}`,
    )
    .all() as { id: number; state: string; revisionId: number }[];
  const cvesOf = new Map<number, string[]>();
  const read = db.prepare('SELECT normalized FROM advisory_revisions WHERE id = ?');
  const out: { id: number; state: string; cves: string[] }[] = [];
  for (const r of rows) {
    let cves = cvesOf.get(r.revisionId);
    if (!cves) {
      const n = read.get(r.revisionId) as { normalized: string } | undefined;
      const doc = n
        ? (JSON.parse(n.normalized) as { vulnerabilities?: { cve: string | null }[] })
        : {};
      cves = (doc.vulnerabilities ?? []).map((v) => v.cve).filter((c): c is string => c !== null);
      cvesOf.set(r.revisionId, cves);
    }
    const hit = cves.filter((c) => added.has(c));
    if (hit.length > 0) out.push({ id: r.id, state: r.state, cves: hit });
  }
  return out;
}

/** What a KEV import's result says of the catalog. */
const kevFields = (c: KevCatalog) => ({
  catalogVersion: c.catalogVersion,
  dateReleased: c.dateReleased,
  count: c.entries.length,
});

/** What an EPSS import's result says of the scores. */
const epssFields = (e: EpssFile) => ({
  modelVersion: e.modelVersion,
  scoreDate: e.scoreDate,
  rows: e.cves.length,
});

export function importKev(ctx: MutateContext, file: ThreatFile): KevImportResult {
  const { value: catalog, sha256, base } = readThreatFile(file, parseKevCatalog, kevFields);
  const { db, clock } = ctx.services;
  const same = db
    .prepare('SELECT sha256 FROM kev_catalogs WHERE catalog_version = ?')
    .get(catalog.catalogVersion) as { sha256: string } | undefined;
  if (same) {
    if (same.sha256 === sha256) return { ...base, outcome: 'unchanged', casesFlagged: 0 };
    throw wordedError('invalid_input', 'kevVersionDiffers', {
      file: file.fileName,
      version: catalog.catalogVersion,
    });
  }
  const previous = currentCatalog(db);
  if (previous && catalog.dateReleased < previous.dateReleased) {
    throw wordedError('invalid_input', 'kevOlder', {
      file: file.fileName,
      version: catalog.catalogVersion,
      released: catalog.dateReleased,
      current: previous.catalogVersion,
    });
  }
  const now = clock.now().toISOString();
  return mutate(ctx, () => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO kev_catalogs (catalog_version, date_released, count, file_name, sha256, imported_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        catalog.catalogVersion,
        catalog.dateReleased,
        catalog.entries.length,
        file.fileName,
        sha256,
        now,
      );
    const id = Number(lastInsertRowid);
    const insert = db.prepare(
      `INSERT INTO kev_entries (catalog_id, cve_id, vendor_project, product, vulnerability_name,
         date_added, due_date, ransomware) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of catalog.entries) {
      insert.run(
        id,
        e.cveId,
        e.vendorProject,
        e.product,
        e.vulnerabilityName,
        e.dateAdded,
        e.dueDate,
        e.ransomware ? 1 : 0,
      );
    }
    let casesFlagged = 0;
    if (previous) {
      // Like a new advisory revision: a CVE that became known exploited sends its open cases back
      // for review. The first catalog imported flags nothing: there is no "before" to compare.
      const before = new Set(
        db
          .prepare('SELECT cve_id FROM kev_entries WHERE catalog_id = ?')
          .pluck()
          .all(previous.id) as string[],
      );
      const added = new Set(catalog.entries.map((e) => e.cveId).filter((c) => !before.has(c)));
      const flag = db.prepare(
        'UPDATE cases SET kev_review_catalog = ?, kev_review_flagged_at = ?, updated_at = ? WHERE id = ?',
      );
      for (const c of casesWithCves(db, added)) {
        flag.run(catalog.catalogVersion, now, now, c.id);
        insertHistory(db, {
          caseId: c.id,
          event: 'review_flagged',
          fromState: c.state as never,
          toState: c.state as never,
          at: now,
          userId: null,
          role: 'system',
          detail: { kevCatalog: catalog.catalogVersion, knownExploited: c.cves },
        });
        casesFlagged++;
      }
    }
    return {
      value: { ...base, outcome: 'imported' as const, casesFlagged },
      audit: {
        action: 'kev.imported',
        entityType: 'kev_catalog',
        entityId: id,
        payload: { ...base, sha256, casesFlagged },
      },
    };
  });
}

export function importEpss(ctx: MutateContext, file: ThreatFile): EpssImportResult {
  const { value: scores, sha256, base } = readThreatFile(file, parseEpssFile, epssFields);
  const { db, clock } = ctx.services;
  const current = db
    .prepare(
      'SELECT id, model_version AS modelVersion, score_date AS scoreDate, sha256 FROM epss_sets ORDER BY score_date DESC, id DESC LIMIT 1',
    )
    .get() as { id: number; modelVersion: string; scoreDate: string; sha256: string } | undefined;
  if (
    current &&
    current.modelVersion === scores.modelVersion &&
    current.scoreDate === scores.scoreDate
  ) {
    if (current.sha256 === sha256) return { ...base, outcome: 'unchanged' };
    throw wordedError('invalid_input', 'epssDateDiffers', {
      file: file.fileName,
      date: scores.scoreDate,
      model: scores.modelVersion,
    });
  }
  if (current && scores.scoreDate < current.scoreDate) {
    throw wordedError('invalid_input', 'epssOlder', {
      file: file.fileName,
      date: scores.scoreDate,
      current: current.scoreDate,
    });
  }
  const now = clock.now().toISOString();
  return mutate(ctx, () => {
    // Only the newest scores are kept whole; an older set keeps its header as history.
    db.prepare('DELETE FROM epss_scores').run();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO epss_sets (model_version, score_date, rows, file_name, sha256, imported_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(scores.modelVersion, scores.scoreDate, scores.cves.length, file.fileName, sha256, now);
    const id = Number(lastInsertRowid);
    const insert = db.prepare(
      'INSERT INTO epss_scores (set_id, cve_id, epss, percentile) VALUES (?, ?, ?, ?)',
    );
    for (let i = 0; i < scores.cves.length; i++) {
      insert.run(id, scores.cves[i], scores.scores[i], scores.percentiles[i]);
    }
    return {
      value: { ...base, outcome: 'imported' as const },
      audit: {
        action: 'epss.imported',
        entityType: 'epss_set',
        entityId: id,
        payload: { ...base, sha256 },
      },
    };
  });
}

export function threatStatus(db: Database.Database): ThreatStatus {
  const kev = currentCatalog(db);
  const epss = db
    .prepare(
      `SELECT model_version AS modelVersion, score_date AS scoreDate, rows, imported_at AS importedAt,
              file_name AS fileName FROM epss_sets ORDER BY score_date DESC, id DESC LIMIT 1`,
    )
    .get() as ThreatStatus['epss'] | undefined;
  return {
    kev: kev
      ? {
          catalogVersion: kev.catalogVersion,
          dateReleased: kev.dateReleased,
          count: kev.count,
          importedAt: kev.importedAt,
          fileName: kev.fileName,
        }
      : null,
    epss: epss ?? null,
  };
}

/** What the current catalog and scores say about each CVE (unknown CVEs get nulls). */
export function threatsForCves(db: Database.Database, cves: readonly string[]): CveThreat[] {
  const kev = currentCatalog(db);
  const set = db
    .prepare(
      'SELECT id, score_date AS scoreDate FROM epss_sets ORDER BY score_date DESC, id DESC LIMIT 1',
    )
    .get() as { id: number; scoreDate: string } | undefined;
  const kevRow = db.prepare(
    `SELECT date_added AS dateAdded, ransomware, vulnerability_name AS name
       FROM kev_entries WHERE catalog_id = ? AND cve_id = ?`,
  );
  const epssRow = db.prepare(
    'SELECT epss, percentile FROM epss_scores WHERE set_id = ? AND cve_id = ?',
  );
  return [...new Set(cves)].map((cve) => {
    const k = kev
      ? (kevRow.get(kev.id, cve) as
          { dateAdded: string; ransomware: number; name: string } | undefined)
      : undefined;
    const e = set
      ? (epssRow.get(set.id, cve) as { epss: number; percentile: number } | undefined)
      : undefined;
    return {
      cve,
      kev:
        k && kev
          ? {
              dateAdded: k.dateAdded,
              ransomware: k.ransomware === 1,
              vulnerabilityName: k.name,
              catalogVersion: kev.catalogVersion,
            }
          : null,
      epss: e && set ? { score: e.epss, percentile: e.percentile, scoreDate: set.scoreDate } : null,
    };
  });
}
