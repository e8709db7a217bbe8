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
