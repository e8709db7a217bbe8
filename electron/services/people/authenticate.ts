import type { SecuritySettings } from '../../api/domains/people';
import type Database from 'better-sqlite3';
import type { CallContext } from '../core/context';
import { wordedError, type ServiceError } from '../core/errors';
import { hashSecret, verifyNobody, verifySecret } from './credentials';
import { formatUntil } from './format-until';
import { recordEvent, userActor } from '../audit/record';
import { relockAtSessionChange } from '../signing/session-key';
import { getSecuritySettings } from './security-settings';
import { findUser, findUserByStaffId, replaceHash, setLockout, type UserRecord } from './users';

/** Why a secret is checked: it decides the wording of a refusal and is recorded with it. */
export type AuthPurpose =
  'sign_in' | 'hand_over' | 'unlock' | 'change_credential' | 'signoff' | 'cosign';

export type Who = { userId: number } | { staffId: string };

/**
 * Runs in the transaction that also resets the failure count (and upgrades an old hash): writes
 * what the verified user did, and returns what to do once that has committed (update the
 * in-memory session, build the answer — or throw a refusal whose audit event must stay).
 */
export type OnVerified<T> = (user: UserRecord, credentialUpgraded: boolean) => () => T;

/**
 * Someone must prove who they are again: a user who is the station's current user already. A
 * co-signer names themself like at sign-in, so they get sign-in's answers (which never tell
 * whether a staff ID exists).
 */
const isReentry = (purpose: AuthPurpose) =>
  purpose !== 'sign_in' && purpose !== 'hand_over' && purpose !== 'cosign';

function noMatch(): ServiceError {
  // The same words whether the user exists or not: the answer must not tell which.
  return wordedError('unauthenticated', 'badCredentials', {}, { reason: 'bad_credentials' });
}

function lockedError(
  db: Database.Database,
  lockedUntil: Date,
  now: Date,
  justLocked: boolean,
): ServiceError {
  const until = formatUntil(db, lockedUntil, now);
  return wordedError(
    'unauthenticated',
    justLocked ? 'lockedNow' : 'locked',
    { until },
    { reason: 'locked', lockedUntil: lockedUntil.toISOString() },
  );
}

/** The longest lock, however often an account is locked again (one day). */
export const lockoutCeilingMinutes = 24 * 60;

/**
 * How long the next lock lasts. An earlier lock that no successful sign-in and no administrator
 * has cleared since (its end is still recorded, though passed) doubles: guessing slows down
 * each round, up to the ceiling. The earlier lock's length is read from its audit event.
 */
function nextLockMinutes(ctx: CallContext, user: UserRecord, settings: SecuritySettings): number {
  if (user.lockedUntil === null) return settings.lockoutMinutes;
  const row = ctx.services.db
    .prepare<[string], { minutes: unknown }>(
      `SELECT json_extract(json_extract(body, '$.payload'), '$.lockoutMinutes') AS minutes
         FROM audit_events
        WHERE entity_type = 'user' AND entity_id = ?
          AND json_extract(body, '$.action') = 'user.locked_out'
        ORDER BY id DESC LIMIT 1`,
    )
    .get(String(user.id));
  const previous = typeof row?.minutes === 'number' ? row.minutes : settings.lockoutMinutes;
  return Math.min(lockoutCeilingMinutes, Math.max(settings.lockoutMinutes, previous * 2));
}

/** Count a wrong secret; at the threshold lock the account (and end its session here). */
function recordWrongSecret(
  ctx: CallContext,
  user: UserRecord,
  purpose: AuthPurpose,
  settings: SecuritySettings,
  extra: Record<string, unknown>,
): ServiceError {
  const { db, clock, sessions } = ctx.services;
  const now = clock.now();
  const failedAttempts = user.failedAttempts + 1;
  const locks = failedAttempts >= settings.lockoutThreshold;
  const lockMinutes = nextLockMinutes(ctx, user, settings);
  const until = locks ? new Date(now.getTime() + lockMinutes * 60_000) : null;
  const session = sessions.current;
  const endsSession = locks && session?.userId === user.id;
  db.transaction(() => {
    // At the lock the count starts again, so the account has the full number after it expires.
    // A passed lock's end stays until a success or an administrator clears it: it doubles the next.
    setLockout(db, user.id, locks ? 0 : failedAttempts, until?.toISOString() ?? user.lockedUntil);
    recordEvent(ctx, ctx.actor, {
      action: 'auth.failed',
      entityType: 'user',
      entityId: user.id,
      payload: { purpose, reason: 'wrong_secret', failedAttempts, ...extra },
    });
    if (until) {
      recordEvent(ctx, ctx.actor, {
        action: 'user.locked_out',
        entityType: 'user',
        entityId: user.id,
        payload: {
          failedAttempts,
          lockedUntil: until.toISOString(),
          lockoutMinutes: lockMinutes,
        },
      });
    }
    if (endsSession && session) {
      recordEvent(ctx, userActor(user.id, session.role), {
        action: 'session.ended',
        entityType: 'user',
        entityId: user.id,
        payload: { reason: 'account_locked' },
      });
      const relocked = relockAtSessionChange(db, 'session_ended');
      if (relocked) recordEvent(ctx, userActor(user.id, session.role), relocked);
    }
  })();
  if (endsSession) sessions.current = null;
  if (until) return lockedError(db, until, now, true);
  if (!isReentry(purpose)) return noMatch();
  const left = settings.lockoutThreshold - failedAttempts;
  return wordedError(
    'unauthenticated',
    'wrongSecret',
    { count: left, minutes: lockMinutes },
    { reason: 'wrong_secret', attemptsLeft: left },
  );
}

/**
 * Check a user's secret with lockout accounting, one check at a time per station. Every refusal
 * is audited (without the secret); an unknown or inactive user costs the same time as a known
 * one and gets the same message as a wrong secret. On success `onVerified` runs in the
 * transaction that clears the failure count and re-hashes a secret stored with old parameters.
 */
export function authenticate<T>(
  ctx: CallContext,
  who: Who,
  secret: string,
  purpose: AuthPurpose,
  onVerified: OnVerified<T>,
  extra: Record<string, unknown> = {},
): Promise<T> {
  const { services } = ctx;
  return services.sessions.serialize(async () => {
    const { db, clock } = services;
    const user = 'userId' in who ? findUser(db, who.userId) : findUserByStaffId(db, who.staffId);
    if (!user || !user.active) {
      await verifyNobody(secret);
      // A staff ID typed by mistake may be someone's PIN: it is not recorded.
      recordEvent(ctx, ctx.actor, {
        action: 'auth.failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        payload: { purpose, reason: user ? 'inactive' : 'unknown_user', ...extra },
      });
      throw noMatch();
    }
    const settings = getSecuritySettings(db);
    const lockedUntil = user.lockedUntil === null ? null : new Date(user.lockedUntil);
    const now = clock.now();
    if (lockedUntil && lockedUntil > now) {
      // Not even checked: a locked account must not be a free oracle for guesses.
      recordEvent(ctx, ctx.actor, {
        action: 'auth.failed',
        entityType: 'user',
        entityId: user.id,
        payload: { purpose, reason: 'locked', lockedUntil: user.lockedUntil, ...extra },
      });
      throw lockedError(db, lockedUntil, now, false);
    }
    const verification = await verifySecret(secret, user.credentialHash);
    if (!verification.ok) throw recordWrongSecret(ctx, user, purpose, settings, extra);
    const upgraded = verification.needsUpgrade ? await hashSecret(secret) : null;
    const afterCommit = db.transaction(() => {
      if (upgraded !== null) replaceHash(db, user.id, upgraded);
      if (user.failedAttempts > 0 || user.lockedUntil !== null) setLockout(db, user.id, 0, null);
      return onVerified(user, upgraded !== null);
    })();
    return afterCommit();
  });
}
