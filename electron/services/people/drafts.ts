import type Database from 'better-sqlite3';
import type { Draft, DraftInfo } from '../../api/domains/session';
import { wordedError } from '../core/errors';

/** Enough for every open checklist of one person; a bound so drafts cannot fill the disk. */
export const maxDraftsPerUser = 200;

/*
 * Drafts are not audited: they are what someone is still typing, saved every few seconds so an
 * idle lock or a crash loses nothing. What they submit is audited by the domain that takes it.
 */

export function saveDraft(
  db: Database.Database,
  userId: number,
  key: string,
  value: Record<string, unknown>,
  now: string,
): DraftInfo {
  const text = JSON.stringify(value);
  return db.transaction(() => {
    const exists = db
      .prepare('SELECT 1 FROM drafts WHERE user_id = ? AND key = ?')
      .get(userId, key);
    if (!exists) {
      const count = db
        .prepare('SELECT count(*) FROM drafts WHERE user_id = ?')
        .pluck()
        .get(userId) as number;
      if (count >= maxDraftsPerUser) {
        throw wordedError('conflict', 'tooManyDrafts', { max: maxDraftsPerUser });
      }
    }
    db.prepare(
      `INSERT INTO drafts (user_id, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(userId, key, text, now);
    return { key, updatedAt: now, bytes: Buffer.byteLength(text) };
  })();
}

export function getDraft(db: Database.Database, userId: number, key: string): Draft | null {
  const row = db
    .prepare('SELECT value, updated_at FROM drafts WHERE user_id = ? AND key = ?')
    .get(userId, key) as { value: string; updated_at: string } | undefined;
  return row
    ? { key, value: JSON.parse(row.value) as Record<string, unknown>, updatedAt: row.updated_at }
    : null;
}

export function listDrafts(db: Database.Database, userId: number): DraftInfo[] {
  const rows = db
    .prepare(
      `SELECT key, updated_at, length(CAST(value AS BLOB)) AS bytes FROM drafts
       WHERE user_id = ? ORDER BY updated_at DESC, key`,
    )
    .all(userId) as { key: string; updated_at: string; bytes: number }[];
  return rows.map((r) => ({ key: r.key, updatedAt: r.updated_at, bytes: r.bytes }));
}

export function clearDraft(db: Database.Database, userId: number, key: string): boolean {
  return (
    db.prepare('DELETE FROM drafts WHERE user_id = ? AND key = ?').run(userId, key).changes > 0
  );
}
