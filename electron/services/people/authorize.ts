import type { MethodName } from '../../api/methods';
import { permissions, rolesFor, type Access, type Role } from '../../api/permissions';
import type { Actor } from '../audit/append';
import type { Caller, Services, SignedInUser } from '../core/context';
import { type ServiceError, wordedError } from '../core/errors';
import { formatUntil } from './format-until';
import { anonymousActor, recordEvent } from '../audit/record';
import { refreshSession } from './session';
import { countUsers, type UserRecord } from './users';

export interface Authorisation {
  actor: Actor;
  user: SignedInUser | null;
}

export const operatorActor = (): Actor => ({ userId: null, role: 'operator' });

/** A refused change is audited (someone tried what the UI would not offer); a refused read is not. */
function refuse(
  services: Services,
  caller: Caller,
  actor: Actor,
  method: MethodName,
  access: Access,
  error: ServiceError,
): ServiceError {
  if (access.effect === 'change') {
    recordEvent({ services, caller }, actor, {
      action: 'access.refused',
      entityType: 'method',
      entityId: method,
      payload: { neededRoles: rolesFor(access) ?? [], operator: caller.kind === 'operator' },
    });
  }
  return error;
}

function authorizeOperator(
  services: Services,
  caller: Caller,
  method: MethodName,
  access: Access,
): Authorisation {
  const actor = operatorActor();
  if (!access.operator) {
    const needed = rolesFor(access);
    const details = { method, neededRoles: needed ?? [], operator: true };
    const error = needed
      ? wordedError('forbidden', 'commandLineNeedsRole', {}, details, {
          roles: { roles: [...needed] },
        })
      : wordedError('forbidden', 'commandLineNeedsPerson', {}, details);
    throw refuse(services, caller, actor, method, access, error);
  }
  return { actor, user: null };
}

function notSignedIn(services: Services, method: MethodName): ServiceError {
  const s = services.sessions.current;
  if (s?.lockedAt) {
    return wordedError(
      'unauthenticated',
      'stationLocked',
      { since: formatUntil(services.db, s.lockedAt, services.clock.now()) },
      { method, reason: 'locked' },
    );
  }
  return wordedError('unauthenticated', 'signedOut', {}, { method, reason: 'signed_out' });
}

/** The role a call is made in: the session's role if it is enough, else another role the user holds. */
function authorisingRole(needed: readonly Role[] | null, sessionRole: Role, held: readonly Role[]) {
  if (needed === null || needed.includes(sessionRole)) return sessionRole;
  return held.find((r) => needed.includes(r));
}

/**
 * Decide whether `caller` may call `method` now, before its input is even parsed: a caller who
 * may not call a method learns nothing from it and costs nothing. Throws `unauthenticated` when
 * no one is signed in (or the station is locked), `forbidden` naming the roles that may.
 * A change call by the signed-in user counts as activity for the idle lock.
 */
export function authorizeCall(
  services: Services,
  caller: Caller,
  method: MethodName,
): Authorisation {
  const access = permissions[method];
  if (caller.kind === 'operator') return authorizeOperator(services, caller, method, access);

  const user: UserRecord | null = refreshSession({ services, caller });
  const session = services.sessions.current;
  const active = session && !session.lockedAt && user ? { session, user } : null;
  const signedIn = (role: Role): Authorisation => ({
    actor: { userId: active?.user.id ?? null, role },
    user: active && {
      id: active.user.id,
      displayName: active.user.displayName,
      roles: active.user.roles,
      role: active.session.role,
    },
  });

  if (access.who === 'anyone') {
    return active ? signedIn(active.session.role) : { actor: anonymousActor, user: null };
  }
  if (access.who === 'first_run_or_roles' && countUsers(services.db) === 0) {
    return { actor: anonymousActor, user: null };
  }
  if (!active) throw notSignedIn(services, method);

  const { user: u, session: s } = active;
  if (u.mustChangeCredential && !(access.who === 'signed_in' && access.beforeCredentialChange)) {
    throw wordedError(
      'forbidden',
      'credentialChange',
      {},
      { method, reason: 'credential_change_required' },
    );
  }
  const needed = rolesFor(access);
  const role = authorisingRole(needed, s.role, u.roles);
  if (role === undefined) {
    // Said without the method's name (the UI shows it to people); the details keep it.
    const others = u.roles.filter((r) => r !== s.role);
    const error = wordedError(
      'forbidden',
      others.length ? 'needsRoleOthers' : 'needsRole',
      { name: u.displayName },
      { method, neededRoles: needed ?? [], heldRoles: u.roles },
      { roles: { roles: [...(needed ?? [])], role: [s.role], others } },
    );
    throw refuse(services, caller, { userId: u.id, role: s.role }, method, access, error);
  }
  if (access.effect === 'change') s.lastActivityAt = services.clock.now();
  return signedIn(role);
}
