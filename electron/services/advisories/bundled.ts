import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { MutateContext } from '../core/context';
import { runMatching } from '../matching/match-store';
import { importAdvisory } from './csaf-import';

/** The advisory files that ship in resources/advisories/, in the order they are imported. */
function bundledAdvisoryFiles(resourcesDir: string): string[] {
  const dir = path.join(resourcesDir, 'advisories');
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(dir, f))
    : [];
}

/** Tracking IDs of the bundled files by resources folder: the files ship with the app. */
const bundledTrackingIds = new Map<string, string[]>();

function trackingIdsOf(resourcesDir: string): string[] {
  let ids = bundledTrackingIds.get(resourcesDir);
  if (!ids) {
    ids = bundledAdvisoryFiles(resourcesDir).map((file) => {
      const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        document?: { tracking?: { id?: unknown } };
      };
      const trackingId = doc.document?.tracking?.id;
      // A shipped file without one is a defect of the app.
      if (typeof trackingId !== 'string') {
        throw new Error(`Shipped advisory ${path.basename(file)} has no tracking ID`);
      }
      return trackingId;
    });
    bundledTrackingIds.set(resourcesDir, ids);
  }
  return ids;
}

/** The tracking IDs of the bundled advisories that are not stored (an interrupted demo load). */
export function missingBundledAdvisories(db: Database.Database, resourcesDir: string): string[] {
  const stored = db.prepare('SELECT 1 FROM advisories WHERE tracking_id = ?').pluck();
  return trackingIdsOf(resourcesDir).filter((id) => stored.get(id) === undefined);
}

/**
 * Import the advisories that ship in resources/advisories/ and recompute the matches (used by
 * `demo load`). Each import is its own audited transaction; a bundled file that is refused is a
 * defect of the shipped app, so it throws. Run again, it imports only what is missing (the rest
 * is reported unchanged) and recomputes the matches.
 */
export async function loadBundledAdvisories(
  ctx: MutateContext,
): Promise<{ imported: number; matches: number }> {
  let imported = 0;
  for (const file of bundledAdvisoryFiles(ctx.services.resourcesDir)) {
    const fileName = path.basename(file);
    const result = await importAdvisory(ctx, { fileName, content: fs.readFileSync(file) });
    if (result.outcome === 'refused') {
      throw new Error(`Shipped advisory ${fileName} was refused: ${result.messages.join(' ')}`);
    }
    if (result.outcome === 'imported' || result.outcome === 'revised') imported++;
  }
  const report = runMatching(ctx);
  return { imported, matches: report.added + report.updated + report.unchanged };
}
