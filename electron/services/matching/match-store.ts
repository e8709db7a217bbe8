import type Database from 'better-sqlite3';
import type {
  MatchBulkResult,
  MatchPage,
  MatchRunReport,
  MatchStatus,
  MatchView,
} from '../../api/domains/advisories';
import { englishReasons, matchWordsList } from '../../api/match-words';
import type { ParsedInputOf } from '../../api/methods';
import { loadMatchableAdvisories } from '../advisories/advisory-store';
import { mutate, type MutateContext } from '../core/context';
import { notFound, ServiceError, wordedError } from '../core/errors';
import { loadAliasTables } from './alias-tables';
import { createMatcher } from './matcher';
import type { MatchableDevice } from './types';

interface StoredMatch {
  id: number;
  device_id: number;
  advisory_id: number;
  revision_id: number;
  product_id: string;
  product_name: string;
  confidence: string;
  reasons: string;
  reason_words: string | null;
  status: MatchStatus;
  current: number;
}

export function loadMatchableDevices(db: Database.Database): MatchableDevice[] {
  return db
    .prepare(
      `SELECT id, asset_tag AS assetTag, vendor, model, family, os_name AS osName,
              os_version AS osVersion, software_version AS softwareVersion,
              serial_number AS serialNumber, notes
         FROM devices`,
    )
    .all() as MatchableDevice[];
}

/**
 * Recompute every suggestion and bring the matches table in line: new matches are added as
 * suggested, changed ones updated; a suggestion that no longer matches is removed, while a
 * confirmed or dismissed one is kept (a person decided it) and marked not current.
 */
export function runMatching(ctx: MutateContext): MatchRunReport {
  const { db, clock, resourcesDir } = ctx.services;
  const tables = loadAliasTables(resourcesDir);
  return mutate(ctx, () => {
    const advisories = loadMatchableAdvisories(db);
    const devices = loadMatchableDevices(db);
    const findings = createMatcher(tables, advisories).matchAll(devices);
    const now = clock.now().toISOString();
    const existing = new Map<string, StoredMatch>();
    for (const m of db.prepare('SELECT * FROM matches').all() as StoredMatch[]) {
      existing.set(`${m.device_id}:${m.advisory_id}`, m);
    }
    const insert = db.prepare(
      `INSERT INTO matches (device_id, advisory_id, revision_id, product_id, product_name,
         confidence, reasons, reason_words, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = db.prepare(
      `UPDATE matches SET revision_id = ?, product_id = ?, product_name = ?, confidence = ?,
         reasons = ?, reason_words = ?, current = 1, updated_at = ? WHERE id = ?`,
    );
    const report: MatchRunReport = {
      devices: devices.length,
      advisories: advisories.length,
      added: 0,
      updated: 0,
      unchanged: 0,
      removed: 0,
      stale: 0,
      byConfidence: { high: 0, medium: 0, low: 0 },
    };
    for (const f of findings) {
      report.byConfidence[f.confidence]++;
      const key = `${f.deviceId}:${f.advisoryId}`;
      const words = JSON.stringify(f.reasonWords);
      const old = existing.get(key);
      existing.delete(key);
      if (!old) {
        const reasons = JSON.stringify(englishReasons(f.reasonWords));
        insert.run(
          f.deviceId,
          f.advisoryId,
          f.revisionId,
          f.productId,
          f.productName,
          f.confidence,
          reasons,
          words,
          now,
          now,
        );
        report.added++;
      } else if (
        old.revision_id !== f.revisionId ||
        old.product_id !== f.productId ||
        old.product_name !== f.productName ||
        old.confidence !== f.confidence ||
        old.reason_words !== words ||
        old.current !== 1
      ) {
        const reasons = JSON.stringify(englishReasons(f.reasonWords));
        update.run(
          f.revisionId,
          f.productId,
          f.productName,
          f.confidence,
          reasons,
          words,
          now,
          old.id,
        );
        report.updated++;
      } else {
        report.unchanged++;
      }
    }
    const remove = db.prepare('DELETE FROM matches WHERE id = ?');
    const markStale = db.prepare('UPDATE matches SET current = 0, updated_at = ? WHERE id = ?');
    for (const old of existing.values()) {
      if (old.status === 'suggested') {
        remove.run(old.id);
        report.removed++;
      } else if (old.current === 1) {
        markStale.run(now, old.id);
        report.stale++;
      }
    }
    return {
      value: report,
      audit: {
        action: 'matches.computed',
        entityType: 'matches',
        entityId: null,
        payload: { ...report },
      },
    };
  });
}

/** The view's fields as SQL returns them: reasons as JSON, `current` as 0/1, the decision flat. */
type MatchRow = Omit<MatchView, 'reasons' | 'reasonWords' | 'current' | 'decision'> & {
  reasons: string;
  reasonWords: string | null;
  current: number;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedRole: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  decidedVersion: string | null;
};

const matchSelect = `
  SELECT m.id, m.device_id AS deviceId, d.asset_tag AS assetTag, m.advisory_id AS advisoryId,
         a.tracking_id AS trackingId, r.publisher_name AS publisher, r.version AS advisoryVersion,
         m.product_id AS productId, m.product_name AS productName, m.confidence, m.reasons,
         m.reason_words AS reasonWords,
         m.status, m.current, m.decided_by AS decidedBy, u.display_name AS decidedByName,
         m.decided_role AS decidedRole,
         m.decided_at AS decidedAt, m.decision_reason AS decisionReason,
         dr.version AS decidedVersion
    FROM matches m
    JOIN devices d ON d.id = m.device_id
    JOIN advisories a ON a.id = m.advisory_id
    JOIN advisory_revisions r ON r.id = m.revision_id
    LEFT JOIN advisory_revisions dr ON dr.id = m.decided_revision_id
    LEFT JOIN users u ON u.id = m.decided_by`;

function toView(row: MatchRow): MatchView {
  const {
    reasons,
    reasonWords,
    current,
    decidedBy,
    decidedByName,
    decidedRole,
    decidedAt,
    decisionReason,
    decidedVersion,
    ...same
  } = row;
  return {
    ...same,
    reasons: JSON.parse(reasons) as string[],
    reasonWords: reasonWords === null ? null : matchWordsList(JSON.parse(reasonWords)),
    current: current === 1,
    decision:
      decidedAt === null
        ? null
        : {
            userId: decidedBy,
            userName: decidedByName,
            role: decidedRole ?? '',
            at: decidedAt,
            reason: decisionReason ?? '',
            advisoryVersion: decidedVersion ?? row.advisoryVersion,
          },
  };
}

export function listMatches(
  db: Database.Database,
  input: ParsedInputOf<'matches.list'>,
): MatchPage {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [value, column] of [
    [input.advisoryId, 'm.advisory_id'],
    [input.deviceId, 'm.device_id'],
    [input.status, 'm.status'],
    [input.confidence, 'm.confidence'],
  ] as const) {
    if (value !== undefined) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    db.prepare(`SELECT count(*) AS n FROM matches m ${clause}`).get(...params) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `${matchSelect} ${clause} ORDER BY a.tracking_id, r.publisher_name, d.asset_tag LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit ?? 1000, input.offset ?? 0) as MatchRow[];
  return { total, matches: rows.map(toView) };
}

export function getMatch(db: Database.Database, id: number): MatchView {
  const row = db.prepare(`${matchSelect} WHERE m.id = ?`).get(id) as MatchRow | undefined;
  if (!row) throw notFound('match', id);
  return toView(row);
}

/** Confirm or dismiss a match: who, with which role, when, why, on which advisory revision. */
export function decideMatch(
  ctx: MutateContext,
  id: number,
  status: Exclude<MatchStatus, 'suggested'>,
  reason: string,
): MatchView {
  const { db, clock } = ctx.services;
  return mutate(ctx, () => {
    const before = getMatch(db, id);
    if (before.status === status) {
      throw wordedError(
        'conflict',
        'matchAlreadyDecided',
        {},
        { status },
        {
          terms: { status: `match_${status}` },
        },
      );
    }
    db.prepare(
      `UPDATE matches SET status = ?, decided_by = ?, decided_role = ?, decided_at = ?,
         decision_reason = ?, decided_revision_id = revision_id, updated_at = ? WHERE id = ?`,
    ).run(
      status,
      ctx.actor.userId,
      ctx.actor.role,
      clock.now().toISOString(),
      reason,
      clock.now().toISOString(),
      id,
    );
    const after = getMatch(db, id);
    return {
      value: after,
      audit: {
        action: status === 'confirmed' ? 'match.confirmed' : 'match.dismissed',
        entityType: 'match',
        entityId: id,
        payload: {
          deviceId: after.deviceId,
          assetTag: after.assetTag,
          trackingId: after.trackingId,
          advisoryVersion: after.advisoryVersion,
          productId: after.productId,
          confidence: after.confidence,
          previousStatus: before.status,
          reason,
        },
      },
    };
  });
}

/**
 * Confirm many matches with one reason. Each is its own decision and transaction, as if confirmed
 * alone: one that cannot be confirmed (already confirmed, gone) is listed and the others stand.
 */
export function confirmMatches(
  ctx: MutateContext,
  ids: readonly number[],
  reason: string,
): MatchBulkResult {
  const result: MatchBulkResult = { confirmed: [], skipped: [] };
  for (const id of [...new Set(ids)]) {
    try {
      result.confirmed.push(decideMatch(ctx, id, 'confirmed', reason));
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      result.skipped.push({ id, reason: error.message });
    }
  }
  return result;
}
