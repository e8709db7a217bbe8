import type { SessionStatus } from '../../api/domains/session';
import type { Role } from '../../api/permissions';
import type { ParsedInputOf } from '../../api/methods';
import type { CallContext, MutateContext, Services } from '../core/context';
import { wordedError } from '../core/errors';
import { authenticate, type Who } from './authenticate';
import { loadCommonPins } from './common-pins';
import { checkNewSecret } from './credential-policy';
import { hashSecret } from './credentials';
import { recordEvent, userActor } from '../audit/record';
import { getSecuritySettings } from './security-settings';
import type { StationSession } from './session-store';
import { relockAtSessionChange } from '../signing/session-key';
import { countUsers, findUser, setCredential, toSummary, type UserRecord } from './users';

export function sessionStatus(services: Services): SessionStatus {
  const { db, sessions } = services;
  const { idleMinutes } = getSecuritySettings(db);
  const s = sessions.current;
  const user = s ? findUser(db, s.userId) : undefined;
  if (!s || !user) {
    return {
      state: 'signed_out',
      firstRun: countUsers(db) === 0,
      user: null,
      role: null,
      signedInAt: null,
      lastActivityAt: null,
      lockedAt: null,
      mustChangeCredential: false,
      idleMinutes,
    };
  }
  return {
    state: s.lockedAt ? 'locked' : 'active',
    firstRun: false,
    user: toSummary(user),
    role: s.role,
    signedInAt: s.signedInAt.toISOString(),
    lastActivityAt: s.lastActivityAt.toISOString(),
    lockedAt: s.lockedAt?.toISOString() ?? null,
    mustChangeCredential: user.mustChangeCredential,
    idleMinutes,
  };
}

/**
 * Before every station call: end a session whose user was deactivated, lost the session's role or
 * got locked out, and lock one idle for longer than the idle period (the UI locks on its own
 * timer too; this is the backstop). Returns the session's user as stored now.
 */
/** Lock the organisation key held for the session that is ending or locking (audited). */
function relockSigningKey(
  ctx: Omit<MutateContext, 'actor'>,
  actor: ReturnType<typeof userActor>,
  reason: Parameters<typeof relockAtSessionChange>[1],
): void {
  const event = relockAtSessionChange(ctx.services.db, reason);
  if (event) recordEvent(ctx, actor, event);
}

export function refreshSession(ctx: Omit<MutateContext, 'actor'>): UserRecord | null {
  const { db, clock, sessions } = ctx.services;
  const s = sessions.current;
  if (!s) return null;
  const user = findUser(db, s.userId);
  const now = clock.now();
  const actor = userActor(s.userId, s.role);
  const ended =
    !user || !user.active
      ? 'account_deactivated'
      : !user.roles.includes(s.role)
        ? 'role_removed'
        : user.lockedUntil !== null && new Date(user.lockedUntil) > now
          ? 'account_locked'
          : null;
  if (ended) {
    recordEvent(ctx, actor, {
      action: 'session.ended',
      entityType: 'user',
      entityId: s.userId,
      payload: { reason: ended },
    });
    relockSigningKey(ctx, actor, 'session_ended');
    sessions.current = null;
    return null;
  }
  const idleMs = getSecuritySettings(db).idleMinutes * 60_000;
  if (!s.lockedAt && now.getTime() - s.lastActivityAt.getTime() >= idleMs) {
    const idleSince = new Date(s.lastActivityAt.getTime() + idleMs);
    recordEvent(ctx, actor, {
      action: 'session.locked',
      entityType: 'user',
      entityId: s.userId,
      payload: { reason: 'idle', lastActivityAt: s.lastActivityAt.toISOString() },
    });
    relockSigningKey(ctx, actor, 'session_locked');
    s.lockedAt = idleSince;
  }
  return user ?? null;
}

function pickRole(user: UserRecord, wanted: Role | undefined): Role {
  if (wanted !== undefined && !user.roles.includes(wanted)) {
    throw wordedError(
      'invalid_input',
      'roleNotHeld',
      { name: user.displayName },
      { field: 'role' },
      { roles: { role: [wanted] }, rolesAnd: { held: user.roles } },
    );
  }
  const role = wanted ?? user.roles[0];
  if (role === undefined) {
    throw wordedError('conflict', 'noRoleYet', { name: user.displayName });
  }
  return role;
}

/**
 * Record a session start (inside the caller's transaction) and return it for the store. A
 * session it replaces (a locked one, left by another user) is recorded as ended.
 */
export function beginSession(
  ctx: Omit<MutateContext, 'actor'>,
  user: UserRecord,
  role: Role,
  event: { action: 'session.signed_in' | 'session.handed_over'; payload: Record<string, unknown> },
): StationSession {
  const { clock, sessions } = ctx.services;
  const previous = sessions.current;
  if (previous && event.action === 'session.signed_in') {
    recordEvent(ctx, userActor(previous.userId, previous.role), {
      action: 'session.ended',
      entityType: 'user',
      entityId: previous.userId,
      payload: { reason: 'replaced_while_locked', byUserId: user.id },
    });
  }
  if (previous) {
    relockSigningKey(
      ctx,
      userActor(previous.userId, previous.role),
      event.action === 'session.handed_over' ? 'handed_over' : 'signed_in',
    );
  }
  recordEvent(ctx, userActor(user.id, role), {
    action: event.action,
    entityType: 'user',
    entityId: user.id,
    payload: { role, ...event.payload },
  });
  const now = clock.now();
  return { userId: user.id, role, signedInAt: now, lastActivityAt: now, lockedAt: null };
}

function whoFrom(input: { userId?: number | undefined; staffId?: string | undefined }): Who {
  if (input.userId !== undefined) return { userId: input.userId };
  return { staffId: input.staffId ?? '' };
}

export async function signIn(
  ctx: CallContext,
  input: ParsedInputOf<'session.signIn'>,
): Promise<SessionStatus> {
  const { services } = ctx;
  const active = services.sessions.current;
  if (active && !active.lockedAt) {
    const name = findUser(services.db, active.userId)?.displayName;
    throw name === undefined
      ? wordedError('conflict', 'someoneSignedInUnknown')
      : wordedError('conflict', 'someoneSignedIn', { name });
  }
  return authenticate(ctx, whoFrom(input), input.secret, 'sign_in', (user, upgraded) => {
    const session = beginSession(ctx, user, pickRole(user, input.role), {
      action: 'session.signed_in',
      payload: {
        by: input.userId !== undefined ? 'name' : 'staff_id',
        credentialUpgraded: upgraded,
      },
    });
    return () => {
      services.sessions.current = session;
      return sessionStatus(services);
    };
  });
}

/** The signed-in user hands the station to the next one (or to themself in another role). */
export async function handOver(
  ctx: CallContext,
  input: ParsedInputOf<'session.handOver'>,
): Promise<SessionStatus> {
  const { services } = ctx;
  const from = services.sessions.current;
  return authenticate(ctx, whoFrom(input), input.secret, 'hand_over', (user, upgraded) => {
    if (services.sessions.current !== from || !from) {
      return () => {
        throw wordedError('conflict', 'changedHands');
      };
    }
    const session = beginSession(ctx, user, pickRole(user, input.role), {
      action: 'session.handed_over',
      payload: { fromUserId: from.userId, fromRole: from.role, credentialUpgraded: upgraded },
    });
    return () => {
      services.sessions.current = session;
      return sessionStatus(services);
    };
  });
}

export function signOut(ctx: CallContext): SessionStatus {
  const { services } = ctx;
  const s = services.sessions.current;
  if (s) {
    services.db.transaction(() => {
      recordEvent(ctx, userActor(s.userId, s.role), {
        action: 'session.signed_out',
        entityType: 'user',
        entityId: s.userId,
        payload: { wasLocked: s.lockedAt !== null },
      });
      relockSigningKey(ctx, userActor(s.userId, s.role), 'signed_out');
    })();
    services.sessions.current = null;
  }
  return sessionStatus(services);
}

export function lockSession(ctx: CallContext, reason: 'idle' | 'manual'): SessionStatus {
  const { services } = ctx;
  const s = services.sessions.current;
  if (s && !s.lockedAt) {
    services.db.transaction(() => {
      recordEvent(ctx, userActor(s.userId, s.role), {
        action: 'session.locked',
        entityType: 'user',
        entityId: s.userId,
        payload: { reason },
      });
      relockSigningKey(ctx, userActor(s.userId, s.role), 'session_locked');
    })();
    s.lockedAt = services.clock.now();
  }
  return sessionStatus(services);
}

export async function unlockSession(ctx: CallContext, secret: string): Promise<SessionStatus> {
  const { services } = ctx;
  const s = services.sessions.current;
  if (!s?.lockedAt) {
    throw wordedError('conflict', s ? 'notLocked' : 'signInInstead');
  }
  return authenticate(ctx, { userId: s.userId }, secret, 'unlock', () => {
    if (services.sessions.current !== s) {
      return () => {
        throw wordedError('conflict', 'signedInMeanwhile');
      };
    }
    recordEvent(ctx, userActor(s.userId, s.role), {
      action: 'session.unlocked',
      entityType: 'user',
      entityId: s.userId,
      payload: { lockedAt: s.lockedAt?.toISOString() ?? null },
    });
    return () => {
      const now = services.clock.now();
      s.lockedAt = null;
      s.lastActivityAt = now;
      return sessionStatus(services);
    };
  });
}

export function touchSession(ctx: CallContext): SessionStatus {
  const s = ctx.services.sessions.current;
  if (s && !s.lockedAt) s.lastActivityAt = ctx.services.clock.now();
  return sessionStatus(ctx.services);
}

export async function changeCredential(
  ctx: CallContext,
  input: ParsedInputOf<'session.changeCredential'>,
): Promise<SessionStatus> {
  const { services, user } = ctx;
  if (!user) throw wordedError('unauthenticated', 'signInFirst');
  const kind = checkNewSecret(input.newSecret, loadCommonPins(services.resourcesDir), 'newSecret');
  if (input.newSecret === input.currentSecret) {
    throw wordedError('invalid_input', 'sameSecret', {}, { field: 'newSecret' });
  }
  const hash = await hashSecret(input.newSecret);
  return authenticate(ctx, { userId: user.id }, input.currentSecret, 'change_credential', (u) => {
    const now = services.clock.now().toISOString();
    setCredential(services.db, u.id, { kind, hash, mustChange: false }, now);
    recordEvent(ctx, ctx.actor, {
      action: 'user.credential_changed',
      entityType: 'user',
      entityId: u.id,
      payload: { credentialKind: kind, afterReset: u.mustChangeCredential },
    });
    return () => sessionStatus(services);
  });
}
