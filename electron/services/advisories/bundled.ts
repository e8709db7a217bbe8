import fs from 'node:fs';
import path from 'node:path';
import type { MutateContext } from '../core/context';
import { runMatching } from '../matching/match-store';
import { importAdvisory } from './csaf-import';

/**
 * Import the advisories that ship in resources/advisories/ and recompute the matches (used by
 * `demo load`). Each import is its own audited transaction; a bundled file that is refused is a
 * defect of the shipped app, so it throws.
 */
export async function loadBundledAdvisories(
  ctx: MutateContext,
): Promise<{ imported: number; matches: number }> {
  const dir = path.join(ctx.services.resourcesDir, 'advisories');
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  let imported = 0;
  for (const file of files) {
    const result = await importAdvisory(ctx, {
      fileName: file,
      content: fs.readFileSync(path.join(dir, file)),
    });
    if (result.outcome === 'refused') {
      throw new Error(`Shipped advisory ${file} was refused: ${result.messages.join(' ')}`);
    }
    if (result.outcome === 'imported' || result.outcome === 'revised') imported++;
  }
  const report = runMatching(ctx);
  return { imported, matches: report.added + report.updated + report.unchanged };
}
