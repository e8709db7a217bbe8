import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../electron/api/domains/people';
import { mayCall } from '../../../electron/api/permissions';
import { call, type ApiError, type Result } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { LiveSuccessNotice } from '../components/SuccessNotice';
import { useSession } from '../session/session-context';
import { AddUserForm } from './AddUserForm';
import { EditUserDialog } from './EditUserDialog';
import { ResetCredentialDialog } from './ResetCredentialDialog';
import { UserRow } from './UserRow';
import { ColumnHeads } from '../components/ColumnHeads';

const fetchUsers = () => call('people.list', { includeInactive: true });

type Open = { kind: 'edit' | 'reset'; user: UserAccount } | undefined;

/** Settings → Users: administrators only (others do not see it; the services refuse them). */
export function UsersSettings() {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'people.users' });
  const { status, refresh } = useSession();
  const [users, setUsers] = useState<UserAccount[]>([]);
  const [error, setError] = useState<ApiError>();
  const [open, setOpen] = useState<Open>();
  const [done, setDone] = useState<string>();
  const allowed = status?.role ? mayCall('people.list', [status.role]) : false;

  const take = useCallback((result: Result<UserAccount[]>) => {
    if (result.ok) setUsers(result.value);
    setError(result.ok ? undefined : result.error);
  }, []);
  const load = useCallback(() => fetchUsers().then(take), [take]);

  useEffect(() => {
    if (allowed) void fetchUsers().then(take);
  }, [allowed, take]);

  /** After a change: say what happened, reload the list, and the session (own name or roles). */
  const changed = (message: string) => {
    setOpen(undefined);
    setDone(message);
    setError(undefined);
    void load();
    void refresh();
  };

  const unlock = (user: UserAccount) => {
    setDone(undefined);
    void call('people.unlock', { id: user.id }).then((result) => {
      if (result.ok) changed(t('people.users.unlocked', { name: result.value.displayName }));
      else setError(result.error);
    });
  };

  if (!allowed) return <p className="notice">{t('people.users.adminOnly')}</p>;
  return (
    <section className="panel settings-panel-wide" aria-labelledby="users-title">
      <h2 id="users-title">{t('people.users.title')}</h2>
      <p>{t('people.users.intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <LiveSuccessNotice message={done} />
      <table className="users-table" aria-label={t('people.users.listLabel')}>
        <ColumnHeads
          columns={(['name', 'staffId', 'rolesLabel', 'state', 'actions'] as const).map((key) =>
            heads(key),
          )}
        />
        <tbody>
          {users.map((u) => (
            <UserRow
              key={u.id}
              user={u}
              onEdit={() => setOpen({ kind: 'edit', user: u })}
              onReset={() => setOpen({ kind: 'reset', user: u })}
              onUnlock={() => unlock(u)}
            />
          ))}
        </tbody>
      </table>
      {open?.kind === 'edit' ? (
        <EditUserDialog
          user={open.user}
          onClose={() => setOpen(undefined)}
          onSaved={(u) => changed(t('people.users.savedNamed', { name: u.displayName }))}
        />
      ) : null}
      {open?.kind === 'reset' ? (
        <ResetCredentialDialog
          user={open.user}
          onClose={() => setOpen(undefined)}
          onDone={(u) => changed(t('people.users.resetDone', { name: u.displayName }))}
        />
      ) : null}
      <AddUserForm onAdded={() => void load()} />
    </section>
  );
}
