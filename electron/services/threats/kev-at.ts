import type Database from 'better-sqlite3';

/** What the KEV catalog in use at one moment says about a case's CVEs. */
export interface KevStatusAt {
  catalogVersion: string;
  dateReleased: string;
  /** The CVEs the catalog lists, in the order asked. */
  known: { cve: string; dateAdded: string; ransomware: boolean; vulnerabilityName: string }[];
}

/**
 * The catalog that was current at `at` (the newest release among those imported by then), and
 * which of `cves` it lists. The case PDF prints it; verify-pdf rebuilds the PDF as of its
 * generation time, so a catalog imported later does not change what an exported PDF says.
 */
export function kevStatusAt(
  db: Database.Database,
  cves: readonly string[],
  at: Date,
): KevStatusAt | null {
  const catalog = db
    .prepare(
      `SELECT id, catalog_version AS catalogVersion, date_released AS dateReleased
         FROM kev_catalogs WHERE imported_at <= ?
        ORDER BY date_released DESC, id DESC LIMIT 1`,
    )
    .get(at.toISOString()) as
    { id: number; catalogVersion: string; dateReleased: string } | undefined;
  if (!catalog) return null;
  const entry = db.prepare(
    `SELECT date_added AS dateAdded, ransomware, vulnerability_name AS vulnerabilityName
       FROM kev_entries WHERE catalog_id = ? AND cve_id = ?`,
  );
  const known: KevStatusAt['known'] = [];
  for (const cve of new Set(cves)) {
    const e = entry.get(catalog.id, cve) as
      { dateAdded: string; ransomware: number; vulnerabilityName: string } | undefined;
    if (e) known.push({ cve, ...e, ransomware: e.ransomware === 1 });
  }
  return { catalogVersion: catalog.catalogVersion, dateReleased: catalog.dateReleased, known };
}
