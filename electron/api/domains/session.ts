import { z } from 'zod';
import { method } from '../define';
import { roles, type Role } from '../roles';
import { empty, id } from '../schemas';
import { secret, staffId, type UserSummary } from './people';

export interface SessionStatus {
  /** signed_out: no one; active: a user is working; locked: idle or locked, same user may unlock. */
  state: 'signed_out' | 'active' | 'locked';
  /** No user exists yet: the app asks for the first administrator (or offers the demo). */
  firstRun: boolean;
  user: UserSummary | null;
  /** The role the user chose for this session (one of user.roles). */
  role: Role | null;
  signedInAt: string | null;
  lastActivityAt: string | null;
  lockedAt: string | null;
  /** An administrator reset the credential: only session.changeCredential is allowed until then. */
  mustChangeCredential: boolean;
  idleMinutes: number;
}

export interface Draft {
  key: string;
  value: Record<string, unknown>;
  updatedAt: string;
}

export interface DraftInfo {
  key: string;
  updatedAt: string;
  bytes: number;
}

export const draftMaxBytes = 64 * 1024;

/** Size as stored (UTF-8), not in UTF-16 units: "Ø" counts 2. */
export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** Pick a user by id (the name picker) or by staff ID (typed): exactly one of the two. */
const signInFields = {
  userId: id.optional(),
  staffId: staffId.min(1).optional(),
  secret,
  role: z.enum(roles).optional(),
};
const signInInput = z
  .object(signInFields)
  .strict()
  .refine((v) => (v.userId === undefined) !== (v.staffId === undefined), {
    message: 'Give either userId or staffId, not both and not neither.',
  });

const draftKey = z.string().min(1).max(200);
const draftValue = z
  .record(z.string().max(200), z.json())
  .refine((v) => utf8Bytes(JSON.stringify(v)) <= draftMaxBytes, {
    message: `A draft holds at most ${draftMaxBytes / 1024} KB.`,
  });

export const sessionMethods = {
  'session.status': method<SessionStatus>()(
    empty,
    'Who is signed in at this station, in which role, whether it is locked, and whether this is the first run.',
  ),
  'session.listUsers': method<UserSummary[]>()(
    empty,
    'The active users for the sign-in picker: name, staff ID, roles, demo flag.',
  ),
  'session.signIn': method<SessionStatus>()(
    signInInput,
    'Sign in at this station with a PIN or password, optionally choosing one of the user’s roles.',
  ),
  'session.signOut': method<SessionStatus>()(empty, 'Sign the current user out of this station.'),
  'session.handOver': method<SessionStatus>()(
    signInInput,
    'Hand the station over: sign the next user in, in one step, recording from whom to whom.',
  ),
  'session.lock': method<SessionStatus>()(
    z.object({ reason: z.enum(['idle', 'manual']).optional() }).strict(),
    'Lock the station to the sign-in screen (the UI’s idle timer, or the user); drafts stay.',
  ),
  'session.unlock': method<SessionStatus>()(
    z.object({ secret }).strict(),
    'Unlock the station: the user who locked it re-enters their PIN or password.',
  ),
  'session.touch': method<SessionStatus>()(
    empty,
    'The user is active at the station (keys, pointer): restart the idle period.',
  ),
  'session.changeCredential': method<SessionStatus>()(
    z.object({ currentSecret: secret, newSecret: secret }).strict(),
    'Replace one’s own PIN or password (required after an administrator reset it).',
  ),
  'drafts.save': method<DraftInfo>()(
    z.object({ key: draftKey, value: draftValue }).strict(),
    'Keep what the signed-in user is typing (up to 64 KB per key) so it survives a lock.',
  ),
  'drafts.get': method<{ draft: Draft | null }>()(
    z.object({ key: draftKey }).strict(),
    'The signed-in user’s draft under a key (draft: null when there is none).',
  ),
  'drafts.list': method<DraftInfo[]>()(empty, 'The signed-in user’s drafts, newest first.'),
  'drafts.clear': method<{ cleared: boolean }>()(
    z.object({ key: draftKey }).strict(),
    'Remove the signed-in user’s draft under a key (after the form was submitted).',
  ),
};
