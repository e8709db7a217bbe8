import type Database from 'better-sqlite3';
import { flagCasesForReReview } from '../cases/revision-flags';

/**
 * CSAF `document.tracking.version` is either an integer ("1", "4") or semantic versioning
 * ("1.0.0", "2.1.0-rc.1"). Returns null when the two cannot be ordered.
 */
export function compareTrackingVersions(a: string, b: string): number | null {
  const pa = parseTrackingVersion(a);
  const pb = parseTrackingVersion(b);
  if (!pa || !pb) return null;
  for (let i = 0; i < 3; i++) {
    const d = (pa.core[i] ?? 0) - (pb.core[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  // A pre-release comes before its release (semver §11).
  if (pa.pre.length === 0 || pb.pre.length === 0) return Math.sign(pb.pre.length - pa.pre.length);
  for (let i = 0; i < Math.max(pa.pre.length, pb.pre.length); i++) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Math.sign(Number(x) - Number(y));
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function parseTrackingVersion(v: string): { core: number[]; pre: string[] } | null {
  const m =
    /^(0|[1-9]\d*)(?:\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?)?$/.exec(
      v.trim(),
    );
  if (!m) return null;
  const core = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  return { core, pre: m[4] ? m[4].split('.') : [] };
}

/**
 * Called inside the import transaction when a newer revision of a known advisory becomes current:
 * every open case that relied on an older revision is flagged for re-review, until a biomed or IT
 * security user acknowledges it (`cases.acknowledgeRevision`). Returns how many cases it flagged
 * (recorded in the import's audit event).
 */
export function onAdvisoryRevised(
  db: Database.Database,
  advisoryId: number,
  fromVersion: string,
  toVersion: string,
): number {
  void fromVersion; // every open case not on the new revision is flagged, whichever it relied on
  return flagCasesForReReview(db, advisoryId, toVersion);
}
