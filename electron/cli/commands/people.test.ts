import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserAccount } from '../../api/domains/people';
import { startServices } from '../../services/runtime';
import { tempDir } from '../../services/test/temp-runtime';
import { auditSince } from '../../services/people/test/test-calls';
import { runCliSync as cli } from '../../services/test/run-cli';

/** Each test spawns the CLI several times; on a busy shared machine one spawn can take seconds. */
const spawnsTimeout = 480_000;

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function dataDir(): string {
  const t = tempDir('standalone-cli-people-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('standalone users', () => {
  it(
    'creates an administrator with the secret from the environment, lists them, and they can sign in',
    async () => {
      const dir = dataDir();
      const secret = '739146';
      const created = cli(
        dir,
        [
          'users',
          'create',
          '--name',
          'Łukasz Wróbel',
          '--roles',
          'admin',
          '--staff-id',
          'B-7',
          '--json',
        ],
        { STANDALONE_NEW_SECRET: secret },
      );
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      const user = JSON.parse(created.stdout) as UserAccount;
      expect(user).toMatchObject({
        displayName: 'Łukasz Wróbel',
        staffId: 'B-7',
        roles: ['admin'],
        mustChangeCredential: true,
      });
      expect(created.stdout).not.toContain(secret);

      const listed = cli(dir, ['users', 'list', '--json']);
      expect(listed.code).toBe(0);
      expect((JSON.parse(listed.stdout) as UserAccount[]).map((u) => u.displayName)).toEqual([
        'Łukasz Wróbel',
      ]);
      const human = cli(dir, ['users', 'list']);
      expect(human.stdout).toMatch(
        /Łukasz Wróbel {2}\[B-7\] {2}admin {2}\(active, must change credential\)/,
      );

      // Audited as the operator, under the OS user's name; the secret is nowhere.
      const rt = startServices({ dataDir: dir });
      try {
        const events = auditSince(rt);
        expect(events).toMatchObject([
          {
            action: 'user.created',
            actorUserId: null,
            actorRole: 'operator',
            payload: { operatorOsUser: os.userInfo().username, roles: ['admin'] },
          },
        ]);
        expect(JSON.stringify(events)).not.toContain(secret);
        const status = await rt.client().value('session.signIn', { staffId: 'B-7', secret });
        expect(status).toMatchObject({ state: 'active', mustChangeCredential: true });
      } finally {
        rt.close();
      }
    },
    spawnsTimeout,
  );

  it(
    'refuses to create a user without the secret in the environment, or with bad input (exit 2)',
    () => {
      const dir = dataDir();
      const noSecret = cli(dir, ['users', 'create', '--name', 'Anna', '--roles', 'admin']);
      expect(noSecret.code).toBe(2);
      expect(noSecret.stderr).toContain('STANDALONE_NEW_SECRET');

      const badRole = cli(dir, ['users', 'create', '--name', 'Anna', '--roles', 'admin,surgeon'], {
        STANDALONE_NEW_SECRET: '739146',
      });
      expect(badRole.code).toBe(2);
      expect(badRole.stderr).toContain('Unknown role "surgeon"');

      // Recovery only: never a clinical or signing role from the command line.
      const clinical = cli(dir, ['users', 'create', '--name', 'Anna', '--roles', 'clinical_lead'], {
        STANDALONE_NEW_SECRET: '739146',
      });
      expect(clinical.code).not.toBe(0);
      expect(clinical.stderr).toContain('creates only an administrator');

      const weak = cli(dir, ['users', 'create', '--name', 'Anna', '--roles', 'admin'], {
        STANDALONE_NEW_SECRET: '123456',
      });
      expect(weak.code).toBe(2);
      expect(weak.stderr).toContain('guessed first');

      const listed = cli(dir, ['users', 'list']);
      expect(listed.stdout.trim()).toBe('No users yet.');
    },
    spawnsTimeout,
  );
});
