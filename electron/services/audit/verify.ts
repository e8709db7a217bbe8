import type Database from 'better-sqlite3';
import type { AuditVerifyReport } from '../../api';
import { bodyNamesEntity, genesisHash, prevHashOfBody, sha256Hex } from './hash';

export type ChainRow = [
  id: number,
  entityType: string,
  entityId: string | null,
  body: string,
  hash: string,
];

export const chainRowsSql = 'SELECT id, entity_type, entity_id, body, hash FROM audit_events';

/**
 * Follows the chain one event at a time, from the start or from a point already verified, and
 * names the first event that does not fit: an edited event (its hash no longer matches its
 * body), a deleted one (a gap in the ids, or a tail shorter than the recorded head), a
 * reordered or inserted one (its link to the previous hash is broken).
 */
export class ChainWalker {
  expectedId: number;
  prevHash: string;
  count = 0;
  firstBad: { id: number; reason: string } | null = null;

  constructor(from: { id: number; hash: string } | null = null) {
    this.expectedId = (from?.id ?? 0) + 1;
    this.prevHash = from?.hash ?? genesisHash;
    this.count = from?.id ?? 0;
  }

  /** False (with firstBad set) at the first event that does not fit. */
  step([id, entityType, entityId, body, stored]: ChainRow): boolean {
    const fail = (reason: string) => {
      this.firstBad = { id, reason };
      return false;
    };
    if (id !== this.expectedId) {
      const from = this.expectedId;
      return id > from
        ? fail(`events ${from}${id - 1 > from ? `–${id - 1}` : ''} before it are missing`)
        : fail('event id out of order');
    }
    if (sha256Hex(body) !== stored) {
      return fail('its content does not match its hash (the event was edited)');
    }
    // The indexed columns must say what the hashed body says, and the body must carry this id.
    if (!bodyNamesEntity(body, { id, entityType, entityId })) {
      return fail(
        'its columns do not match its hashed content (the event was edited or renumbered)',
      );
    }
    if (prevHashOfBody(body) !== this.prevHash) {
      return fail(
        'its link to the previous event is broken (an event was inserted, removed or reordered)',
      );
    }
    this.prevHash = stored;
    this.expectedId = id + 1;
    this.count++;
    return true;
  }

  /** After the last event: the recorded head must be where the chain ends. */
  finish(db: Database.Database): AuditVerifyReport {
    if (this.firstBad) return this.report();
    const head = db
      .prepare('SELECT last_id, last_hash FROM audit_head WHERE singleton = 1')
      .get() as { last_id: number; last_hash: string } | undefined;
    const lastId = this.expectedId - 1;
    if (head && head.last_id > lastId) {
      this.firstBad = {
        id: lastId + 1,
        reason: `events ${lastId + 1}–${head.last_id} at the end of the chain are missing`,
      };
    } else if (
      (head && (head.last_id !== lastId || head.last_hash !== this.prevHash)) ||
      (!head && lastId > 0)
    ) {
      this.firstBad = {
        id: lastId,
        reason: 'the chain does not end where the recorded head says it does',
      };
    }
    return this.report();
  }

  report(): AuditVerifyReport {
    return {
      ok: this.firstBad === null,
      eventCount: this.count,
      lastHash: this.count ? this.prevHash : null,
      firstBad: this.firstBad,
    };
  }
}

/** Recompute the chain from the first event and name the first event that does not fit. */
export function verifyAuditChain(db: Database.Database): AuditVerifyReport {
  const rows = db.prepare<[], ChainRow>(`${chainRowsSql} ORDER BY id`).raw(true).iterate();
  const walker = new ChainWalker();
  for (const row of rows) {
    if (!walker.step(row)) {
      rows.return?.();
      return walker.report();
    }
  }
  return walker.finish(db);
}
