import type { SecuritySettings, UserAccount } from '../../api/domains/people';
import type { SessionStatus } from '../../api/domains/session';
import type { ParsedInputOf } from '../../api/methods';
import type { Role } from '../../api/roles';
import { mutate, type CallContext } from '../core/context';
import { wordedError } from '../core/errors';
import { loadCommonPins } from './common-pins';
import { checkNewSecret } from './credential-policy';
import { hashSecret } from './credentials';
import type { AuditInput } from '../audit/append';
import { anonymousActor, recordEvent } from '../audit/record';
import { deactivateDemoAccounts } from './demo-accounts';
import { getSecuritySettings, setSecuritySettings } from './security-settings';
import { beginSession, sessionStatus } from './session';
import {
  assertStaffIdFree,
  countOtherActiveAdmins,
  countUsers,
  getUser,
  insertUser,
  normaliseStaffId,
  setCredential,
  setLockout,
  setRoles,
  toAccount,
  updateUserRow,
} from './users';

/** First run: the first administrator creates their own account and is signed in with it. */
export async function createFirstAdmin(
  ctx: CallContext,
  input: ParsedInputOf<'people.createFirstAdmin'>,
): Promise<SessionStatus> {
  const { services } = ctx;
  const kind = checkNewSecret(input.secret, loadCommonPins(ctx.services.resourcesDir));
  const hash = await hashSecret(input.secret);
  const session = services.db.transaction(() => {
    // Checked here, in the transaction, so two windows racing through first run cannot both win.
    if (countUsers(services.db) > 0) {
      throw wordedError('conflict', 'noFirstAdmin');
    }
    const now = services.clock.now().toISOString();
    const staffId = normaliseStaffId(input.staffId);
    const fields = { displayName: input.displayName, staffId, roles: ['admin'] as const };
    const id = insertUser(
      services.db,
      {
        ...fields,
        demo: false,
        credentialKind: kind,
        credentialHash: hash,
        mustChangeCredential: false,
      },
      now,
    );
    recordEvent(ctx, anonymousActor, {
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      payload: { ...fields, credentialKind: kind, firstRun: true },
    });
    return beginSession(ctx, getUser(services.db, id), 'admin', {
      action: 'session.signed_in',
      payload: { by: 'first_run', credentialUpgraded: false },
    });
  })();
  services.sessions.current = session;
  return sessionStatus(services);
}

/**
 * The command line is for recovery when no administrator can sign in: its operator (anyone with
 * file access on this machine) may create an administrator, never a clinical or signing role,
 * whose sign-offs must come from a person an administrator added at a station.
 */
function assertOperatorCreatesOnlyAdmin(ctx: CallContext, roles: readonly string[]): void {
  if (ctx.caller?.kind !== 'operator') return;
  const others = roles.filter((r) => r !== 'admin');
  if (others.length === 0) return;
  throw wordedError(
    'forbidden',
    'operatorOnlyAdmin',
    {},
    { field: 'roles', refusedRoles: others },
    { rolesAnd: { others: others as Role[] } },
  );
}

export async function createUser(
  ctx: CallContext,
  input: ParsedInputOf<'people.create'>,
): Promise<UserAccount> {
  assertOperatorCreatesOnlyAdmin(ctx, input.roles);
  const kind = checkNewSecret(input.secret, loadCommonPins(ctx.services.resourcesDir));
  const hash = await hashSecret(input.secret);
  const { db, clock } = ctx.services;
  return mutate(ctx, () => {
    const staffId = normaliseStaffId(input.staffId);
    const roles = [...new Set(input.roles)];
    const mustChangeCredential = input.mustChangeCredential ?? true;
    const now = clock.now().toISOString();
    const id = insertUser(
      db,
      {
        displayName: input.displayName,
        staffId,
        roles,
        demo: false,
        credentialKind: kind,
        credentialHash: hash,
        mustChangeCredential,
      },
      now,
    );
    const created: Omit<AuditInput, 'actor'> = {
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      payload: {
        displayName: input.displayName,
        staffId,
        roles,
        credentialKind: kind,
        mustChangeCredential,
      },
    };
    const retired = roles.includes('admin')
      ? deactivateDemoAccounts(db, now, 'real_administrator_created')
      : [];
    return { value: toAccount(getUser(db, id)), audit: [created, ...retired] };
  });
}

/** The account as it now is, with the audit event of what changed on it. */
function changedUser(
  db: CallContext['services']['db'],
  userId: number,
  action: string,
  payload: AuditInput['payload'],
): { value: UserAccount; audit: Omit<AuditInput, 'actor'> } {
  return {
    value: toAccount(getUser(db, userId)),
    audit: { action, entityType: 'user', entityId: userId, payload },
  };
}

export function updateUser(ctx: CallContext, input: ParsedInputOf<'people.update'>): UserAccount {
  const { db, clock } = ctx.services;
  return mutate(ctx, () => {
    const user = getUser(db, input.id);
    const next = {
      displayName: input.displayName ?? user.displayName,
      staffId: input.staffId === undefined ? user.staffId : normaliseStaffId(input.staffId),
      active: input.active ?? user.active,
      roles: input.roles ? [...new Set(input.roles)] : user.roles,
    };
    const sortedRoles = (rs: readonly string[]) => [...rs].sort().join(',');
    if (ctx.user?.id === user.id && sortedRoles(next.roles) !== sortedRoles(user.roles)) {
      // Otherwise one administrator could make themselves clinical lead and sign alone.
      throw wordedError('forbidden', 'ownRoles', {}, { field: 'roles' });
    }
    const keepsAdmin = next.active && next.roles.includes('admin');
    if (user.active && user.roles.includes('admin') && !keepsAdmin) {
      if (countOtherActiveAdmins(db, user.id) === 0) {
        throw wordedError('conflict', 'lastAdmin', { name: user.displayName });
      }
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of ['displayName', 'staffId', 'active'] as const) {
      if (next[field] !== user[field]) changes[field] = { from: user[field], to: next[field] };
    }
    if (sortedRoles(next.roles) !== sortedRoles(user.roles)) {
      changes.roles = { from: user.roles, to: next.roles };
    }
    if (Object.keys(changes).length === 0) return { value: toAccount(user), audit: [] };
    assertStaffIdFree(db, next.staffId, user.id);
    updateUserRow(db, user.id, next, clock.now().toISOString());
    if (changes.roles) setRoles(db, user.id, next.roles);
    return changedUser(db, user.id, 'user.updated', { changes });
  });
}

/** A temporary secret the user must replace at their next sign-in; it also lifts a lock. */
export async function resetCredential(
  ctx: CallContext,
  input: ParsedInputOf<'people.resetCredential'>,
): Promise<UserAccount> {
  const kind = checkNewSecret(input.secret, loadCommonPins(ctx.services.resourcesDir));
  const hash = await hashSecret(input.secret);
  const { db, clock } = ctx.services;
  return mutate(ctx, () => {
    const user = getUser(db, input.id);
    setCredential(db, user.id, { kind, hash, mustChange: true }, clock.now().toISOString());
    return changedUser(db, user.id, 'user.credential_reset', {
      credentialKind: kind,
      lockLifted: user.lockedUntil !== null,
    });
  });
}

export function unlockUser(ctx: CallContext, id: number): UserAccount {
  const { db } = ctx.services;
  return mutate(ctx, () => {
    const user = getUser(db, id);
    if (user.lockedUntil === null && user.failedAttempts === 0) {
      return { value: toAccount(user), audit: [] };
    }
    setLockout(db, user.id, 0, null);
    return changedUser(db, user.id, 'user.unlocked', {
      lockedUntil: user.lockedUntil,
      failedAttempts: user.failedAttempts,
    });
  });
}

export function changeSecuritySettings(
  ctx: CallContext,
  change: Partial<SecuritySettings>,
): SecuritySettings {
  const { db } = ctx.services;
  return mutate(ctx, () => {
    const { before, after } = setSecuritySettings(db, change);
    const same = JSON.stringify(before) === JSON.stringify(after);
    return {
      value: after,
      audit: same
        ? []
        : {
            action: 'settings.changed',
            entityType: 'setting',
            entityId: 'security',
            payload: { before, after },
          },
    };
  });
}

export { getSecuritySettings };
