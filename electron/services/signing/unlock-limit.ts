import type Database from 'better-sqlite3';
import type { SecuritySettings } from '../../api/domains/people';
import { wordedError } from '../core/errors';
import { formatUntil } from '../people/format-until';
import { lockoutCeilingMinutes } from '../people/authenticate';

/**
 * Wrong passphrases for the organisation key, counted like wrong PINs at sign-in: after the
 * security settings' threshold the unlock is refused for their lockout minutes, doubling with
 * each further lockout up to the same ceiling, until the right passphrase is given. Kept with
 * the unlocked key, in the services process's memory: the key file itself is protected by its
 * scrypt envelope; this stops guessing through the station's window.
 */
interface Attempts {
  failures: number;
  lockedUntil: Date | null;
  lastLockMinutes: number;
}

const attemptsByDb = new WeakMap<Database.Database, Attempts>();

function attemptsOf(db: Database.Database): Attempts {
  let a = attemptsByDb.get(db);
  if (!a) {
    a = { failures: 0, lockedUntil: null, lastLockMinutes: 0 };
    attemptsByDb.set(db, a);
  }
  return a;
}

/** Refuse at once while the unlock is locked (the passphrase is not even tried). */
export function assertUnlockAllowed(db: Database.Database, now: Date): void {
  const { lockedUntil } = attemptsOf(db);
  if (lockedUntil && lockedUntil > now) {
    throw wordedError(
      'forbidden',
      'unlockLocked',
      { until: formatUntil(db, lockedUntil, now) },
      { signing: 'unlock_locked', lockedUntil: lockedUntil.toISOString() },
    );
  }
}

/** Count a wrong passphrase; returns the end of the lock it causes, if it causes one. */
export function countWrongPassphrase(
  db: Database.Database,
  now: Date,
  settings: SecuritySettings,
): Date | null {
  const a = attemptsOf(db);
  a.failures++;
  if (a.failures < settings.lockoutThreshold) return null;
  const minutes =
    a.lastLockMinutes === 0
      ? settings.lockoutMinutes
      : Math.min(lockoutCeilingMinutes, Math.max(settings.lockoutMinutes, a.lastLockMinutes * 2));
  a.failures = 0;
  a.lastLockMinutes = minutes;
  a.lockedUntil = new Date(now.getTime() + minutes * 60_000);
  return a.lockedUntil;
}

export function clearWrongPassphrases(db: Database.Database): void {
  attemptsByDb.delete(db);
}
