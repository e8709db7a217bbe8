import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../electron/api/domains/people';
import { mayCall } from '../../../electron/api/permissions';
import { call, type ApiError, type Result } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSession } from '../session/session-context';
import { AddUserForm } from './AddUserForm';
import { roleLabel } from './role-label';

const fetchUsers = () => call('people.list', { includeInactive: true });

/** Settings → Users: administrators only (others do not see it; the services refuse them). */
export function UsersSettings() {
  const { t } = useTranslation();
  const { status } = useSession();
  const [users, setUsers] = useState<UserAccount[]>([]);
  const [error, setError] = useState<ApiError>();
  const allowed = status?.role ? mayCall('people.list', [status.role]) : false;

  const take = useCallback((result: Result<UserAccount[]>) => {
    if (result.ok) setUsers(result.value);
    setError(result.ok ? undefined : result.error);
  }, []);
  const load = useCallback(() => fetchUsers().then(take), [take]);

  useEffect(() => {
    if (allowed) void fetchUsers().then(take);
  }, [allowed, take]);

  const act = (promise: Promise<{ ok: boolean; error?: ApiError }>) =>
    void promise.then((result) => (result.ok ? load() : setError(result.error)));

  if (!allowed) return null;
  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">{t('people.users.title')}</h2>
      <p>{t('people.users.intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <table className="users-table" aria-label={t('people.users.listLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('people.users.name')}</th>
            <th scope="col">{t('people.users.staffId')}</th>
            <th scope="col">{t('people.users.rolesLabel')}</th>
            <th scope="col">{t('people.users.state')}</th>
            <th scope="col">
              <span className="people-visually-hidden">{t('people.users.edit', { name: '' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                {u.displayName}
                {u.demo ? <span className="demo-badge">{t('people.demoBadge')}</span> : null}
              </th>
              <td>{u.staffId ?? ''}</td>
              <td>{u.roles.map((r) => roleLabel(t, r)).join(', ')}</td>
              <td>
                {u.active ? t('people.users.active') : t('people.users.inactive')}
                {u.lockedUntil ? (
                  <div>
                    {t('people.users.lockedUntil', {
                      until: new Date(u.lockedUntil).toLocaleString(),
                    })}
                  </div>
                ) : null}
                {u.mustChangeCredential ? <div>{t('people.users.mustChange')}</div> : null}
              </td>
              <td className="people-actions">
                <Button
                  className="button button-secondary"
                  onPress={() => act(call('people.update', { id: u.id, active: !u.active }))}
                >
                  {u.active ? t('people.users.makeInactive') : t('people.users.makeActive')}
                </Button>
                {u.lockedUntil ? (
                  <Button
                    className="button button-secondary"
                    onPress={() => act(call('people.unlock', { id: u.id }))}
                  >
                    {t('people.users.unlock')}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddUserForm onAdded={() => void load()} />
    </section>
  );
}
