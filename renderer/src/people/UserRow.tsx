import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../electron/api/domains/people';
import { roleLabel } from './role-label';
import { formatDateTime } from '../cases/time-format';

interface Props {
  user: UserAccount;
  onEdit(): void;
  onReset(): void;
  onUnlock(): void;
}

/** A lock whose time has passed is over, even if the services have not cleared the field yet. */
const lockedNow = (u: UserAccount) =>
  u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

/** One user in Settings → Users, with what an administrator can do about them. */
export function UserRow({ user: u, onEdit, onReset, onUnlock }: Props) {
  const { t } = useTranslation();
  const locked = lockedNow(u);
  return (
    <tr className={u.active ? undefined : 'user-inactive'}>
      <th scope="row">
        {u.displayName}
        {u.demo ? <span className="demo-badge">{t('people.demoBadge')}</span> : null}
      </th>
      <td>{u.staffId ?? ''}</td>
      <td>{u.roles.map((r) => roleLabel(t, r)).join(', ')}</td>
      <td>
        {u.active ? t('people.users.active') : t('people.users.inactive')}
        {locked && u.lockedUntil ? (
          <div className="user-locked">
            <span className="user-state-warning">
              {t('people.users.lockedUntil', { until: formatDateTime(u.lockedUntil) })}
            </span>
            {/* Beside the lock it lifts; the actions column keeps one line. */}
            <RowButton action="unlock" name={u.displayName} onPress={onUnlock} />
          </div>
        ) : null}
        {u.mustChangeCredential ? <div>{t('people.users.mustChange')}</div> : null}
      </td>
      <td>
        <div className="row-actions">
          <RowButton action="edit" name={u.displayName} onPress={onEdit} />
          <RowButton action="reset" name={u.displayName} onPress={onReset} />
        </div>
      </td>
    </tr>
  );
}

/** One thing an administrator can do to a user: a short word, named for screen readers. */
function RowButton(props: { action: 'edit' | 'reset' | 'unlock'; name: string; onPress(): void }) {
  const { t } = useTranslation();
  return (
    <Button
      className="button button-secondary button-compact"
      aria-label={t(`people.users.${props.action}Named`, { name: props.name })}
      onPress={props.onPress}
    >
      {t(`people.users.${props.action}`)}
    </Button>
  );
}
