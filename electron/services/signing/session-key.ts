import type Database from 'better-sqlite3';
import type crypto from 'node:crypto';

/** The current identity with its key decrypted: held in memory only, for this session. */
export interface UnlockedIdentity {
  identityId: number;
  fingerprintSha256: string;
  subject: string;
  privateKey: crypto.KeyObject;
  certificateDer: Buffer;
  chainDer: Buffer[];
}

/**
 * One unlocked key per open database, i.e. per services process: the administrator types the
 * passphrase once per session. Never written anywhere; gone when the process ends or on lock.
 */
const unlocked = new WeakMap<Database.Database, UnlockedIdentity>();

export function unlockedIdentity(db: Database.Database): UnlockedIdentity | undefined {
  return unlocked.get(db);
}

export function holdUnlockedIdentity(db: Database.Database, identity: UnlockedIdentity): void {
  unlocked.set(db, identity);
}

export function forgetUnlockedIdentity(db: Database.Database): void {
  unlocked.delete(db);
}

/**
 * The key was unlocked by the person at the station for their session: when that session ends,
 * is locked or handed over, the key is locked too, so the next person cannot sign with it. Run
 * inside the transaction of the session event; returns the event to record, if a key was held.
 */
export function relockAtSessionChange(
  db: Database.Database,
  reason: 'signed_out' | 'session_locked' | 'handed_over' | 'session_ended' | 'signed_in',
):
  | {
      action: 'signing.locked';
      entityType: 'signing_identity';
      entityId: number;
      payload: Record<string, unknown>;
    }
  | undefined {
  const held = unlocked.get(db);
  if (!held) return undefined;
  unlocked.delete(db);
  return {
    action: 'signing.locked',
    entityType: 'signing_identity',
    entityId: held.identityId,
    payload: { fingerprintSha256: held.fingerprintSha256, reason },
  };
}
