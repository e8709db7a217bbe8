import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../electron/api/domains/cases';
import { call, type ApiError } from '../api/client';
import { EmptyStateLink } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../session/session-context';
import { CaseList } from './CaseList';
import { CaseInPlace } from './CaseInPlace';
import { myCaseHref, myDevicesHref } from './hash-path';
import '../styles/cases.css';

/** Enough for any one incident the app is built for; the board pages through more. */
const listLimit = 500;

interface Loaded {
  cases: CaseSummary[];
  /** No case is assigned to this technologist: these are the incidents' open cases instead. */
  fallback: boolean;
}

/** "My devices": the cases assigned to whoever is signed in, and one case when opened. */
export function MyDevicesPage() {
  const { t } = useTranslation();
  return (
    <CaseInPlace backHref={myDevicesHref()} backLabel={t('cases.mine.back')}>
      <MyDevicesList />
    </CaseInPlace>
  );
}

function MyDevicesList() {
  const { t } = useTranslation();
  const { status } = useSession();
  const role = status?.role;
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    let live = true;
    void (async () => {
      const mine = await call('cases.list', { mine: true, openOnly: true, limit: listLimit });
      if (!live) return;
      if (!mine.ok) return setError(mine.error);
      if (mine.value.cases.length > 0 || role !== 'technologist') {
        return setLoaded({ cases: mine.value.cases, fallback: false });
      }
      const open = await call('cases.list', { openOnly: true, limit: listLimit });
      if (!live) return;
      if (open.ok) setLoaded({ cases: open.value.cases, fallback: true });
      else setError(open.error);
    })();
    return () => {
      live = false;
    };
  }, [role]);

  return (
    <div className="my-devices">
      <PageHeading title={t('cases.mine.title')} intro={t('cases.mine.intro')} />
      {error ? <ErrorMessage error={error} /> : null}
      {!loaded && !error ? <p className="loading-text">{t('cases.mine.loading')}</p> : null}
      {loaded && loaded.cases.length === 0 ? (
        <EmptyStateLink words="cases.mine.empty" page="incidents" />
      ) : null}
      {loaded && loaded.cases.length > 0 ? (
        <>
          {loaded.fallback ? (
            <p className="notice notice-info">{t('cases.mine.fallback')}</p>
          ) : null}
          <CaseList
            cases={loaded.cases}
            hrefOf={(c) => myCaseHref(c.caseId)}
            label={t('cases.mine.listLabel')}
          />
        </>
      ) : null}
    </div>
  );
}
