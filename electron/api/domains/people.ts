import { z } from 'zod';
import { method } from '../define';
import { roles, type Role } from '../roles';
import { id, name } from '../schemas';
// Type-only cycle with session.ts (erased at build): the first run's result is a session status.
import type { SessionStatus } from './session';

export type CredentialKind = 'pin' | 'password';

/** What the sign-in picker shows: no credential data beyond whether it is a PIN or a password. */
export interface UserSummary {
  id: number;
  displayName: string;
  staffId: string | null;
  roles: Role[];
  /** A demo user (from `demo load`), whose PIN is public: the UI marks it "demo". */
  demo: boolean;
  /** So the sign-in screen can offer a number pad for a PIN. */
  credentialKind: CredentialKind;
}

/** A user as an administrator sees it. Users are never deleted: history refers to them. */
export interface UserAccount extends UserSummary {
  active: boolean;
  mustChangeCredential: boolean;
  failedAttempts: number;
  /** Set while the account is locked after too many failed sign-ins. */
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SecuritySettings {
  /** Failed sign-ins in a row that lock an account. */
  lockoutThreshold: number;
  /** How long a locked account stays locked. */
  lockoutMinutes: number;
  /** Minutes without activity after which the station locks to the sign-in screen. */
  idleMinutes: number;
}

/** A PIN (at least 6 digits) or a password (at least 10 characters); never trimmed or logged. */
export const secret = z.string().min(1).max(256);
/** An optional staff ID; an empty string means none. */
export const staffId = z.string().trim().max(64);
const roleList = z.array(z.enum(roles)).min(1).max(roles.length);
const displayName = name(120);

export const peopleMethods = {
  'people.createFirstAdmin': method<SessionStatus>()(
    z.object({ displayName, staffId: staffId.optional(), secret }).strict(),
    'First run only (no user exists yet): create the first administrator and sign them in.',
  ),
  'people.list': method<UserAccount[]>()(
    z.object({ includeInactive: z.boolean().optional() }).strict(),
    'Every user account with its roles, state and lockout, ordered by name.',
  ),
  'people.create': method<UserAccount>()(
    z
      .object({
        displayName,
        staffId: staffId.optional(),
        roles: roleList,
        secret,
        /** Default true: the first sign-in asks the user to choose their own secret. */
        mustChangeCredential: z.boolean().optional(),
      })
      .strict(),
    'Create a user with one or more roles and an initial PIN or password.',
  ),
  'people.update': method<UserAccount>()(
    z
      .object({
        id,
        displayName: displayName.optional(),
        staffId: staffId.optional(),
        roles: roleList.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    'Change a user’s name, staff ID, roles or active state (the last active administrator stays).',
  ),
  'people.resetCredential': method<UserAccount>()(
    z.object({ id, secret }).strict(),
    'Set a temporary PIN or password; the user must choose a new one at their next sign-in.',
  ),
  'people.unlock': method<UserAccount>()(
    z.object({ id }).strict(),
    'Lift the lock on an account that failed too many sign-ins.',
  ),
  'settings.getSecurity': method<SecuritySettings>()(
    z.object({}).strict(),
    'The lockout threshold, lockout minutes and idle minutes of this installation.',
  ),
  'settings.setSecurity': method<SecuritySettings>()(
    z
      .object({
        lockoutThreshold: z.number().int().min(3).max(20).optional(),
        lockoutMinutes: z.number().int().min(1).max(1440).optional(),
        idleMinutes: z.number().int().min(1).max(240).optional(),
      })
      .strict(),
    'Change the lockout threshold, lockout minutes or idle minutes.',
  ),
};
