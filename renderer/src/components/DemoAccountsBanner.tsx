import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../app/use-app-info';
import { useSession } from '../session/session-context';

/**
 * While demo accounts (whose PINs are public) can sign in, every screen says so, in one slim line
 * at the edge of the window so it never pushes the work out of view. Read again whenever someone
 * signs in or out: creating the first real administrator or importing a real inventory switches
 * them off and ends a demo session.
 */
export function DemoAccountsBanner() {
  const { t } = useTranslation();
  const { info, refresh } = useAppInfo();
  const userId = useSession().status?.user?.id;
  useEffect(() => {
    void refresh();
  }, [userId, refresh]);
  if (!info?.demoAccountsActive) return null;
  return (
    <p className="demo-banner" role="note" data-testid="demo-accounts-banner">
      {t('app.demoAccountsActive')}
    </p>
  );
}
