import type Database from 'better-sqlite3';
import type { NonMatchView } from '../../api/domains/advisories';
import { englishReasons } from '../../api/match-words';
import { loadMatchableAdvisories } from '../advisories/advisory-store';
import { notFound } from '../core/errors';
import { loadAliasTables } from './alias-tables';
import { loadMatchableDevices } from './match-store';
import { createMatcher } from './matcher';

/**
 * Why devices are not matched to the advisories of their vendor, computed on demand (not stored):
 * the words follow the current alias tables and advisories, and only the device page and
 * `match --json` ask for them.
 */
export function explainNonMatches(
  db: Database.Database,
  resourcesDir: string,
  deviceId: number | undefined,
): NonMatchView[] {
  const devices = loadMatchableDevices(db).filter(
    (d) => deviceId === undefined || d.id === deviceId,
  );
  if (deviceId !== undefined && devices.length === 0) throw notFound('device', deviceId);
  const matcher = createMatcher(loadAliasTables(resourcesDir), loadMatchableAdvisories(db));
  const out: NonMatchView[] = [];
  for (const device of devices) {
    for (const n of matcher.explainNonMatches(device)) {
      out.push({ ...n, assetTag: device.assetTag, reasons: englishReasons(n.reasonWords) });
    }
  }
  return out;
}
