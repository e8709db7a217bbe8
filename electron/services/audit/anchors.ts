import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import type { AnchorArtefact, ChainAnchor } from '../../api/chain-anchor';
import { mutate, type MutateContext } from '../core/context';
import { fingerprintOf } from '../signing/certificate';
import { identityByFingerprint } from '../signing/identity-store';
import { unlockedIdentity } from '../signing/session-key';
import { canonicalJson } from './hash';

// The anchor's format is part of the contract (PDF metadata and backups carry it).
export {
  anchorArtefactKinds,
  chainAnchorSchema,
  type AnchorArtefact,
  type ChainAnchor,
} from '../../api/chain-anchor';

/** A point of the chain: the event id and its hash. */
export interface ChainPoint {
  eventId: number;
  hash: string;
}

/** Ids of the checkpoints below `head`: the 15 before it, then head − 2^k, and the first. */
export function checkpointIds(head: number): number[] {
  const ids = new Set<number>();
  for (let i = 1; i <= 15 && head - i > 0; i++) ids.add(head - i);
  for (let step = 16; head - step > 0; step *= 2) ids.add(head - step);
  if (head > 1) ids.add(1);
  return [...ids].sort((a, b) => a - b);
}

function signedText(anchor: Omit<ChainAnchor, 'signature'>): string {
  return canonicalJson(anchor);
}

function headOf(db: Database.Database): ChainPoint | null {
  const row = db.prepare('SELECT last_id, last_hash FROM audit_head WHERE singleton = 1').get() as
    { last_id: number; last_hash: string } | undefined;
  return row && row.last_id > 0 ? { eventId: row.last_id, hash: row.last_hash } : null;
}

/**
 * Issue an anchor for an artefact about to leave the app, and record that in the chain: the
 * anchor names the head before its own event. `point` anchors an earlier head (a backup's,
 * which is a prefix of this chain). Null when nothing has been recorded yet.
 */
export function issueAnchor(
  ctx: MutateContext,
  artefact: AnchorArtefact,
  point?: ChainPoint,
): ChainAnchor | null {
  const { db, clock } = ctx.services;
  return mutate(ctx, () => {
    const head = point ?? headOf(db);
    if (!head) return { value: null, audit: [] };
    const ids = checkpointIds(head.eventId);
    const hashes = new Map(
      (
        db
          .prepare(
            `SELECT id, hash FROM audit_events WHERE id IN (${ids.map(() => '?').join(',')})`,
          )
          .raw(true)
          .all(...ids) as [number, string][]
      ).map(([id, hash]) => [id, hash]),
    );
    const body: Omit<ChainAnchor, 'signature'> = {
      format: 'standalone-chain-anchor/1',
      eventId: head.eventId,
      hash: head.hash,
      checkpoints: ids.flatMap((id) => {
        const h = hashes.get(id);
        return h ? [[id, h] as [number, string]] : [];
      }),
      issuedAt: clock.now().toISOString(),
      artefact,
    };
    const identity = unlockedIdentity(db);
    const anchor: ChainAnchor = {
      ...body,
      signature: identity
        ? {
            fingerprintSha256: identity.fingerprintSha256,
            certificate: identity.certificateDer.toString('base64'),
            value: crypto
              .sign('sha256', Buffer.from(signedText(body)), identity.privateKey)
              .toString('base64'),
          }
        : null,
    };
    return {
      value: anchor,
      audit: {
        action: 'audit.anchor_issued',
        entityType: 'anchor',
        entityId: artefact.kind,
        payload: {
          eventId: anchor.eventId,
          hash: anchor.hash,
          artefact,
          issuedAt: anchor.issuedAt,
          signedBy: anchor.signature?.fingerprintSha256 ?? null,
        },
      },
    };
  });
}

/**
 * The latest anchor this database issued (from its chain): a backup or another copy whose chain
 * does not reach this point with the same hash is not this database's history.
 */
export function latestAnchor(
  db: Database.Database,
): (ChainPoint & { issuedAt: string; artefact: AnchorArtefact; anchorEventId: number }) | null {
  const row = db
    .prepare(
      `SELECT id, body FROM audit_events WHERE entity_type = 'anchor' ORDER BY id DESC LIMIT 1`,
    )
    .get() as { id: number; body: string } | undefined;
  if (!row) return null;
  const p = (JSON.parse(row.body) as { payload: Record<string, unknown> }).payload;
  return {
    eventId: Number(p.eventId),
    hash: String(p.hash),
    issuedAt: String(p.issuedAt),
    artefact: p.artefact as AnchorArtefact,
    anchorEventId: row.id,
  };
}

export type SignatureVerdict = 'valid' | 'unsigned' | 'invalid' | 'unknown_identity';

/** Whether the anchor's signature is sound and by an identity this organisation has had. */
export function anchorSignature(db: Database.Database, anchor: ChainAnchor): SignatureVerdict {
  const sig = anchor.signature;
  if (!sig) return 'unsigned';
  try {
    const der = Buffer.from(sig.certificate, 'base64');
    if (fingerprintOf(der) !== sig.fingerprintSha256) return 'invalid';
    const { signature: _omit, ...body } = anchor;
    const key = new crypto.X509Certificate(der).publicKey;
    if (
      !crypto.verify('sha256', Buffer.from(signedText(body)), key, Buffer.from(sig.value, 'base64'))
    ) {
      return 'invalid';
    }
    return identityByFingerprint(db, sig.fingerprintSha256) ? 'valid' : 'unknown_identity';
  } catch {
    return 'invalid';
  }
}

export interface Divergence {
  /** The last checkpoint that still matches (null: not even the first). */
  lastMatching: number | null;
  /** The first checkpoint that differs or is missing: the history diverges at or before it. */
  firstDiffering: number;
}

/**
 * Whether the live chain extends a point and its checkpoints: the same hash at every id. When
 * it does not, where it diverges: between the last checkpoint that matches and the first that
 * does not (one event when they are neighbours).
 */
export function chainExtends(
  db: Database.Database,
  points: readonly [number, string][],
): Divergence | null {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const hashAt = db.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck();
  let lastMatching: number | null = null;
  for (const [id, hash] of sorted) {
    if (hashAt.get(id) !== hash) return { lastMatching, firstDiffering: id };
    lastMatching = id;
  }
  return null;
}
