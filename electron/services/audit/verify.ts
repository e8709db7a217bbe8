import type Database from 'better-sqlite3';
import type { AuditVerifyReport } from '../../api';
import { bodyNamesEntity, genesisHash, prevHashOfBody, sha256Hex } from './hash';

type Row = [id: number, entityType: string, entityId: string | null, body: string, hash: string];

/**
 * Recompute the chain from the first event and name the first event that does not fit: an edited
 * event (its hash no longer matches its body), a deleted one (a gap in the ids, or a tail shorter
 * than the recorded head), a reordered or inserted one (its link to the previous hash is broken).
 */
export function verifyAuditChain(db: Database.Database): AuditVerifyReport {
  const rows = db
    .prepare<[], Row>('SELECT id, entity_type, entity_id, body, hash FROM audit_events ORDER BY id')
    .raw(true)
    .iterate();
  let expectedId = 1;
  let prevHash = genesisHash;
  let count = 0;
  const fail = (id: number, reason: string): AuditVerifyReport => {
    rows.return?.();
    return {
      ok: false,
      eventCount: count,
      lastHash: count ? prevHash : null,
      firstBad: { id, reason },
    };
  };
  for (const [id, entityType, entityId, body, stored] of rows) {
    if (id !== expectedId) {
      return id > expectedId
        ? fail(
            id,
            `events ${expectedId}${id - 1 > expectedId ? `–${id - 1}` : ''} before it are missing`,
          )
        : fail(id, 'event id out of order');
    }
    if (sha256Hex(body) !== stored) {
      return fail(id, 'its content does not match its hash (the event was edited)');
    }
    // The indexed columns must say what the hashed body says, and the body must carry this id.
    if (!bodyNamesEntity(body, { id, entityType, entityId })) {
      return fail(
        id,
        'its columns do not match its hashed content (the event was edited or renumbered)',
      );
    }
    if (prevHashOfBody(body) !== prevHash) {
      return fail(
        id,
        'its link to the previous event is broken (an event was inserted, removed or reordered)',
      );
    }
    prevHash = stored;
    expectedId = id + 1;
    count++;
  }
  const head = db.prepare('SELECT last_id, last_hash FROM audit_head WHERE singleton = 1').get() as
    { last_id: number; last_hash: string } | undefined;
  const lastId = expectedId - 1;
  if (head && head.last_id > lastId) {
    return fail(
      lastId + 1,
      `events ${lastId + 1}–${head.last_id} at the end of the chain are missing`,
    );
  }
  if ((head && (head.last_id !== lastId || head.last_hash !== prevHash)) || (!head && lastId > 0)) {
    return fail(lastId, 'the chain does not end where the recorded head says it does');
  }
  return { ok: true, eventCount: count, lastHash: count ? prevHash : null, firstBad: null };
}
