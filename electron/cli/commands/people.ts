import type { UserAccount } from '../../api/domains/people';
import { roles, type Role } from '../../api/permissions';
import type { ApiClient } from '../../api/client';
import { CliError, exitCodes, type Output } from '../output';

/** The initial secret of a new user comes from here, never from argv (visible in `ps`). */
export const newSecretVariable = 'STANDALONE_NEW_SECRET';

function describeUser(u: UserAccount): string {
  const state = [
    u.active ? 'active' : 'inactive',
    u.demo ? 'demo' : '',
    u.mustChangeCredential ? 'must change credential' : '',
    u.lockedUntil ? `locked until ${u.lockedUntil}` : '',
  ].filter(Boolean);
  return `${String(u.id).padStart(4)}  ${u.displayName}  [${u.staffId ?? 'no staff ID'}]  ${u.roles.join(', ')}  (${state.join(', ')})`;
}

export async function usersList(api: ApiClient, out: Output): Promise<number> {
  const users = await api.value('people.list', { includeInactive: true });
  out.print(users.length ? users.map(describeUser).join('\n') : 'No users yet.', users);
  return exitCodes.ok;
}

function parseRoles(text: string | undefined): Role[] {
  const list = (text ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = list.filter((r) => !(roles as readonly string[]).includes(r));
  if (list.length === 0 || unknown.length > 0) {
    throw new CliError(
      (unknown.length
        ? `Unknown role ${unknown.map((r) => `"${r}"`).join(', ')}. `
        : 'users create needs --roles. ') +
        `Give one or more of ${roles.join(', ')}, separated by commas (e.g. --roles biomed,it_security).`,
      exitCodes.invalidInput,
    );
  }
  return list as Role[];
}

export async function usersCreate(
  api: ApiClient,
  out: Output,
  options: { name: string | undefined; roles: string | undefined; staffId: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (!options.name?.trim()) {
    throw new CliError('users create needs --name "Display Name".', exitCodes.invalidInput);
  }
  const roleList = parseRoles(options.roles);
  const secret = env[newSecretVariable];
  if (!secret) {
    throw new CliError(
      `Set the new user's initial PIN (6+ digits) or password (10+ characters) in the environment ` +
        `variable ${newSecretVariable}; it is never taken from the command line, where others on ` +
        `this machine could read it. The user chooses their own at first sign-in.`,
      exitCodes.invalidInput,
    );
  }
  const user = await api.value('people.create', {
    displayName: options.name,
    roles: roleList,
    secret,
    ...(options.staffId !== undefined ? { staffId: options.staffId } : {}),
  });
  out.print(
    `Created user ${user.id}: ${user.displayName} (${user.roles.join(', ')}). ` +
      'They choose their own PIN or password at their first sign-in.',
    user,
  );
  return exitCodes.ok;
}
