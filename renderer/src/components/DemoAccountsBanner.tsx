import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { useAppInfo } from '../app/use-app-info';
import { useSession } from '../session/session-context';
import { ErrorMessage } from './ErrorMessage';

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
    <>
      <p className="demo-banner" role="note" data-testid="demo-accounts-banner">
        {t('app.demoAccountsActive')}
      </p>
      {info.demoUnfinished ? <UnfinishedDemo onFinished={refresh} /> : null}
    </>
  );
}

/**
 * A demo load the app could not finish (it stopped after the demo accounts were stored): the
 * advisories or the demo signing identity are missing. Only an administrator may finish it, and
 * no one else can start it again, since the demo accounts make it no longer a first run.
 */
function UnfinishedDemo({ onFinished }: { onFinished: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const admin = useSession().status?.role === 'admin';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const finish = () => {
    setBusy(true);
    setError(undefined);
    void call('demo.load', {}).then(async (result) => {
      setBusy(false);
      if (result.ok) await onFinished();
      else setError(result.error);
    });
  };
  return (
    <div className="demo-banner demo-banner-unfinished" role="note" data-testid="demo-unfinished">
      <span>{t(admin ? 'app.demoUnfinished' : 'app.demoUnfinishedAskAdmin')}</span>
      {admin ? (
        <Button className="button demo-banner-action" onPress={finish} isPending={busy}>
          {t('app.demoFinish')}
        </Button>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
