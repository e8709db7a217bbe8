import type Database from 'better-sqlite3';
import type { Language } from '../../api/languages';
import { missingBundledAdvisories } from '../advisories/bundled';
import { getSetting } from '../settings/settings';
import { currentIdentity } from '../signing/identity-store';

/**
 * Loading the demo takes several transactions: the devices, demo accounts and settings in one;
 * then each bundled advisory and the matches they give, each audited on its own; then the demo
 * signing identity. A process killed in between leaves a demo that is there (its accounts can
 * sign in, so it is no longer a first run) but unfinished. These are the steps still missing.
 */
export const allDemoLoadSteps = ['advisories', 'matches', 'identity'] as const;
export type DemoLoadStep = (typeof allDemoLoadSteps)[number];

/** The matches are computed after the last bundled import: an event of theirs since the load. */
function matchedSinceDemoLoaded(db: Database.Database): boolean {
  return (
    db
      .prepare(
        `SELECT EXISTS (
           SELECT 1 FROM audit_events
            WHERE entity_type = 'matches' AND json_extract(body, '$.action') = 'matches.computed'
              AND id > (SELECT max(id) FROM audit_events
                         WHERE entity_type = 'facility'
                           AND json_extract(body, '$.action') = 'demo.loaded'))`,
      )
      .pluck()
      .get() === 1
  );
}

/** The steps of a started demo load that did not happen; none when no demo was started. */
export function unfinishedDemoSteps(db: Database.Database, resourcesDir: string): DemoLoadStep[] {
  if (getSetting(db, 'demo') === undefined) return [];
  const steps: DemoLoadStep[] = [];
  if (missingBundledAdvisories(db, resourcesDir).length > 0) steps.push('advisories');
  if (!matchedSinceDemoLoaded(db)) steps.push('matches');
  // A signing identity set up before the demo was loaded is the hospital's own and counts.
  if (!currentIdentity(db)) steps.push('identity');
  return steps;
}

/** The language of the demo's free text (English for a demo loaded before it was recorded). */
export function demoLanguage(db: Database.Database): Language | null {
  const demo = getSetting<{ language?: Language }>(db, 'demo');
  return demo === undefined ? null : (demo.language ?? 'en');
}
