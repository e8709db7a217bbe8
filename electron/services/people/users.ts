import type Database from 'better-sqlite3';
import type { CredentialKind, UserAccount, UserSummary } from '../../api/domains/people';
import { roles as allRoles, type Role } from '../../api/permissions';
import { notFound, wordedError } from '../core/errors';

interface UserRow {
  id: number;
  display_name: string;
  staff_id: string | null;
  active: number;
  demo: number;
  credential_kind: CredentialKind;
  credential_hash: string;
  must_change_credential: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

/** A user as the services see it, with the credential hash: never returned by the API. */
export interface UserRecord extends UserAccount {
  credentialHash: string;
}

const byRoleOrder = (a: Role, b: Role) => allRoles.indexOf(a) - allRoles.indexOf(b);

function toRecord(row: UserRow, roles: Role[]): UserRecord {
  return {
    id: row.id,
    displayName: row.display_name,
    staffId: row.staff_id,
    roles: [...roles].sort(byRoleOrder),
    demo: row.demo === 1,
    credentialKind: row.credential_kind,
    active: row.active === 1,
    mustChangeCredential: row.must_change_credential === 1,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    credentialHash: row.credential_hash,
  };
}

/** The account without its credential hash: what an administrator may see. */
export function toAccount(user: UserRecord): UserAccount {
  const { credentialHash: _hidden, ...account } = user;
  return account;
}

export function toSummary(user: UserAccount): UserSummary {
  const { id, displayName, staffId, roles, demo, credentialKind } = user;
  return { id, displayName, staffId, roles, demo, credentialKind };
}

function rolesOf(db: Database.Database, userId: number): Role[] {
  return db.prepare('SELECT role FROM user_roles WHERE user_id = ?').pluck().all(userId) as Role[];
}

export function findUser(db: Database.Database, id: number): UserRecord | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row && toRecord(row, rolesOf(db, row.id));
}

export function getUser(db: Database.Database, id: number): UserRecord {
  const user = findUser(db, id);
  if (!user) throw notFound('user', id);
  return user;
}

/** Staff IDs compare without regard to case (the column is COLLATE NOCASE). */
export function findUserByStaffId(db: Database.Database, staffId: string): UserRecord | undefined {
  const row = db.prepare('SELECT * FROM users WHERE staff_id = ?').get(staffId) as
    UserRow | undefined;
  return row && toRecord(row, rolesOf(db, row.id));
}

export function listUsers(db: Database.Database, includeInactive: boolean): UserRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM users ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY display_name, id`,
    )
    .all() as UserRow[];
  const roleRows = db.prepare('SELECT user_id, role FROM user_roles').all() as {
    user_id: number;
    role: Role;
  }[];
  const rolesByUser = new Map<number, Role[]>();
  for (const r of roleRows)
    rolesByUser.set(r.user_id, [...(rolesByUser.get(r.user_id) ?? []), r.role]);
  return rows.map((row) => toRecord(row, rolesByUser.get(row.id) ?? []));
}

export function countUsers(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM users').pluck().get() as number;
}

/** Active administrators other than `exceptId`: the last one may not lose the role. */
export function countOtherActiveAdmins(db: Database.Database, exceptId: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE r.role = 'admin' AND u.active = 1 AND u.id <> ?`,
    )
    .pluck()
    .get(exceptId) as number;
}

/** Refuse a staff ID another user already has, naming that user. */
export function assertStaffIdFree(
  db: Database.Database,
  staffId: string | null,
  exceptId?: number,
): void {
  if (staffId === null) return;
  const holder = findUserByStaffId(db, staffId);
  if (holder && holder.id !== exceptId) {
    throw wordedError(
      'conflict',
      'staffIdTaken',
      { staffId, name: holder.displayName },
      { field: 'staffId' },
    );
  }
}

export interface NewUser {
  displayName: string;
  staffId: string | null;
  roles: readonly Role[];
  demo: boolean;
  credentialKind: CredentialKind;
  credentialHash: string;
  mustChangeCredential: boolean;
}

/** Insert a user and their roles; run inside the transaction that writes the audit event. */
export function insertUser(db: Database.Database, user: NewUser, now: string): number {
  assertStaffIdFree(db, user.staffId);
  const id = db
    .prepare(
      `INSERT INTO users (display_name, staff_id, demo, credential_kind, credential_hash,
         must_change_credential, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      user.displayName,
      user.staffId,
      user.demo ? 1 : 0,
      user.credentialKind,
      user.credentialHash,
      user.mustChangeCredential ? 1 : 0,
      now,
      now,
    ).lastInsertRowid;
  setRoles(db, Number(id), user.roles);
  return Number(id);
}

export function setRoles(db: Database.Database, userId: number, roles: readonly Role[]): void {
  db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const role of new Set(roles)) insert.run(userId, role);
}

export function updateUserRow(
  db: Database.Database,
  userId: number,
  fields: { displayName: string; staffId: string | null; active: boolean },
  now: string,
): void {
  db.prepare(
    'UPDATE users SET display_name = ?, staff_id = ?, active = ?, updated_at = ? WHERE id = ?',
  ).run(fields.displayName, fields.staffId, fields.active ? 1 : 0, now, userId);
}

/** A new credential also clears failed attempts and any lock. */
export function setCredential(
  db: Database.Database,
  userId: number,
  credential: { kind: CredentialKind; hash: string; mustChange: boolean },
  now: string,
): void {
  db.prepare(
    `UPDATE users SET credential_kind = ?, credential_hash = ?, must_change_credential = ?,
       failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?`,
  ).run(credential.kind, credential.hash, credential.mustChange ? 1 : 0, now, userId);
}

/** Same secret, same kind, new parameters: not an account change, so updated_at stays. */
export function replaceHash(db: Database.Database, userId: number, hash: string): void {
  db.prepare('UPDATE users SET credential_hash = ? WHERE id = ?').run(hash, userId);
}

export function setLockout(
  db: Database.Database,
  userId: number,
  failedAttempts: number,
  lockedUntil: string | null,
): void {
  db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(
    failedAttempts,
    lockedUntil,
    userId,
  );
}

/** A staff ID as typed: trimmed, empty meaning none. */
export function normaliseStaffId(staffId: string | undefined): string | null {
  const trimmed = staffId?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
