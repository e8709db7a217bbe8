import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { roles } from '../../api/permissions';
import { credentialKindOf } from './credential-policy';
import { hashSecret } from './credentials';
import { insertUser, type NewUser } from './users';

/** resources/demo/users.json: one demo user per role, their PINs public (see the README). */
const demoUsersSchema = z.array(
  z
    .object({
      displayName: z
        .string()
        .min(1)
        .max(120)
        .regex(/\(demo\)$/, 'must end in "(demo)"'),
      staffId: z.string().min(1).max(64),
      roles: z.array(z.enum(roles)).min(1),
      pin: z.string().regex(/^[0-9]{6}$/),
    })
    .strict(),
);

/** Read and hash the demo users before the demo's transaction (hashing takes a while). */
export async function prepareDemoUsers(demoDir: string): Promise<NewUser[]> {
  const file = path.join(demoDir, 'users.json');
  const parsed = demoUsersSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Shipped resource ${file} is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return Promise.all(
    parsed.data.map(async (u) => ({
      displayName: u.displayName,
      staffId: u.staffId,
      roles: u.roles,
      demo: true,
      credentialKind: credentialKindOf(u.pin),
      credentialHash: await hashSecret(u.pin),
      // A demo PIN is documented for everyone: nothing to protect, nothing to change.
      mustChangeCredential: false,
    })),
  );
}

/** Insert inside the demo's transaction; returns what its audit event records. */
export function insertDemoUsers(
  db: Database.Database,
  users: readonly NewUser[],
  now: string,
): { id: number; displayName: string; staffId: string | null; roles: readonly string[] }[] {
  return users.map((u) => ({
    id: insertUser(db, u, now),
    displayName: u.displayName,
    staffId: u.staffId,
    roles: u.roles,
  }));
}
