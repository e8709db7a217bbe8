import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../people/role-label';
import { useSession } from './session-context';

/** Always in the header: who is signed in, as what, and the ways to leave the station. */
export function SessionBar() {
  const { t } = useTranslation();
  const { status, setHandingOver, lock, signOut } = useSession();
  const user = status?.user;
  if (!user || status.state !== 'active') return null;
  return (
    <div className="session-bar" aria-label={t('people.header.signedInAs')} role="group">
      <span className="session-user" data-testid="session-user">
        <span className="session-user-name" title={user.displayName}>
          {user.displayName}
        </span>
        <span className="session-user-role">
          {status.role ? roleLabel(t, status.role) : ''}
          {user.demo ? <span className="demo-badge">{t('people.demoBadge')}</span> : null}
        </span>
      </span>
      <Button className="button button-secondary" onPress={() => setHandingOver(true)}>
        {t('people.header.handOver')}
      </Button>
      <Button className="button button-secondary" onPress={() => void lock('manual')}>
        {t('people.header.lock')}
      </Button>
      <Button className="button button-secondary" onPress={() => void signOut()}>
        {t('people.header.signOut')}
      </Button>
    </div>
  );
}
