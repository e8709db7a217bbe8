import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { roleLabels, type Role } from '../../api/permissions';
import { systemActor } from '../audit/append';
import { fixedClock } from '../core/clock';
import { createMemoryLogger } from '../core/log';
import { hashSecret } from '../people/credentials';
import { recordEvent, userActor } from '../audit/record';
import { beginSession } from '../people/session';
import { getUser, insertUser } from '../people/users';
import { startServices, type Runtime } from '../runtime';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const fixturesDir = path.resolve(repoRoot, '../shared/fixtures');
export const csafFixturesDir = path.join(fixturesDir, 'csaf');

/** Every real CSAF file of the fixtures, the non-medical ones (`non-icsma/`) included. */
export const csafFixtureFiles = ['', 'non-icsma'].flatMap((sub) =>
  fs
    .readdirSync(path.join(csafFixturesDir, sub))
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(csafFixturesDir, sub, f)),
);

/** The command line's operator in tests: calls as them pass the permission check as the CLI's do. */
export const testOperator = { kind: 'operator', osUser: 'test' } as const;

/** The demo facility loaded as the command line loads it (into an empty database only). */
export async function loadDemo(rt: Pick<Runtime, 'client'>): Promise<void> {
  await rt.client(testOperator).value('demo.load', {});
}

/** The demo facility loaded, then walked through as the demo users (the demo's story, all of it). */
export async function walkThroughDemo(rt: Pick<Runtime, 'client'>) {
  await loadDemo(rt);
  return rt.client(testOperator).value('demo.walkthrough', {});
}

/** A fresh data folder in the system's temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'standalone-test-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface TestRuntime extends Runtime {
  dir: string;
  clock: ReturnType<typeof fixedClock>;
  log: ReturnType<typeof createMemoryLogger>;
  cleanup(): void;
}

/** Real services on a real SQLite file in a temp folder, with a fixed clock and an in-memory log. */
export function startTestRuntime(at = '2026-11-28T08:00:00.000Z'): TestRuntime {
  const { dir, cleanup } = tempDir();
  const clock = fixedClock(at);
  const log = createMemoryLogger();
  const runtime = startServices({ dataDir: dir, clock, log, folderExchangePollMs: false });
  return {
    ...runtime,
    dir,
    clock,
    log,
    cleanup: () => {
      runtime.close();
      cleanup();
    },
  };
}

/** A test runtime with a user holding `roles` signed in, as `signInAs` signs them in. */
export async function startSignedIn(
  roles: Role | readonly Role[],
  at?: string,
): Promise<TestRuntime> {
  const rt = startTestRuntime(at);
  await signInAs(rt, roles);
  return rt;
}

/** The PIN of every user signInAs creates: re-enter it where a call asks for it (sign-offs). */
export const testSecret = '482915';

export interface TestUser {
  id: number;
  displayName: string;
  roles: Role[];
  /** The session's role: the first of `roles`. */
  role: Role;
  secret: string;
}

let testSecretHash: Promise<string> | undefined;
const helperUsers = new WeakMap<object, Map<string, number>>();

/**
 * Sign a user holding `roles` in at the runtime's station, so that `rt.client()` calls as them:
 *
 *   const biomed = await signInAs(rt, 'biomed');
 *   await signInAs(rt, ['biomed', 'it_security']); // several roles; the first is the session's
 *   await rt.client().value('signoffs.sign', { …, secret: biomed.secret });
 *
 * - Permissions and sign-off kinds are checked against all of the user's roles.
 * - The same roles again sign the same user in again (one user per set of roles per runtime).
 * - Whoever was signed in before is signed out.
 * - It skips the PIN check (and its scrypt time) but writes the audit events a real sign-in
 *   writes: `user.created` (as the system) the first time, `session.signed_in` every time.
 */
export async function signInAs(
  rt: Pick<Runtime, 'services'>,
  roles: Role | readonly Role[],
): Promise<TestUser> {
  const list: Role[] = typeof roles === 'string' ? [roles] : [...roles];
  const role = list[0];
  if (role === undefined) throw new Error('signInAs needs at least one role');
  const { services } = rt;
  const { db, clock, sessions } = services;
  const users = helperUsers.get(services) ?? new Map<string, number>();
  helperUsers.set(services, users);
  const hash = await (testSecretHash ??= hashSecret(testSecret));
  const key = list.join(',');
  const displayName = `Test ${list.map((r) => roleLabels[r]).join(' + ')}`;
  const session = db.transaction(() => {
    let id = users.get(key);
    if (id === undefined) {
      id = insertUser(
        db,
        {
          displayName,
          staffId: `TEST-${users.size + 1}`,
          roles: list,
          demo: false,
          credentialKind: 'pin',
          credentialHash: hash,
          mustChangeCredential: false,
        },
        clock.now().toISOString(),
      );
      users.set(key, id);
      recordEvent({ services }, systemActor, {
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        payload: { displayName, roles: list, test: true },
      });
    }
    const previous = sessions.current;
    if (previous) {
      recordEvent({ services }, userActor(previous.userId, previous.role), {
        action: 'session.signed_out',
        entityType: 'user',
        entityId: previous.userId,
        payload: { wasLocked: previous.lockedAt !== null },
      });
      sessions.current = null;
    }
    return beginSession({ services }, getUser(db, id), role, {
      action: 'session.signed_in',
      payload: { by: 'test_helper', credentialUpgraded: false },
    });
  })();
  sessions.current = session;
  return { id: session.userId, displayName, roles: list, role, secret: testSecret };
}
