import { useEffect, useRef } from 'react';
import { AppInfoProvider } from './app/AppInfoProvider';
import { AppHeader } from './components/AppHeader';
import { AppInfoError } from './components/AppInfoError';
import { DemoAccountsBanner } from './components/DemoAccountsBanner';
import { SideNav } from './components/SideNav';
import { SkipLink } from './components/SkipLink';
import { StatusLine } from './components/StatusLine';
import { LocaleProvider } from './i18n/LocaleProvider';
import { homePage, isSubView, pageHref } from './navigation/pages';
import { useCurrentPage } from './navigation/use-current-page';
import { PageView } from './pages/PageView';
import { SessionGate } from './session/SessionGate';
import { SessionProvider } from './session/SessionProvider';
import { useSession } from './session/session-context';

/** Who had the station when the app last showed (a reload keeps the page; a new person goes home). */
const lastHolderKey = 'standalone:last-holder';

function AppShell() {
  const { status } = useSession();
  const home = homePage(status?.role);
  const page = useCurrentPage(home);
  const mainRef = useRef<HTMLElement>(null);
  const firstPage = useRef(true);

  // Someone new at the station (signed in, or handed over to) starts on their role's home;
  // a case or incident open at a hand-over stays open: the next person works on it.
  const holder = status?.user ? `${status.user.id}:${status.role ?? ''}` : '';
  useEffect(() => {
    if (!holder || sessionStorage.getItem(lastHolderKey) === holder) return;
    sessionStorage.setItem(lastHolderKey, holder);
    if (!isSubView(window.location.hash)) window.location.hash = pageHref(home);
  }, [holder, home]);

  // After navigating (not on first load), move focus to the new page's heading so keyboard
  // and screen-reader users land on the content they asked for.
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [page]);

  return (
    <div className="app-shell">
      <SkipLink />
      <AppHeader />
      <SideNav current={page} />
      <main id="main" className="app-main" ref={mainRef} tabIndex={-1}>
        <AppInfoError />
        <PageView page={page} />
      </main>
      <div className="app-footer">
        <DemoAccountsBanner />
        <StatusLine />
      </div>
    </div>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <AppInfoProvider>
        <SessionProvider>
          <SessionGate>
            <AppShell />
          </SessionGate>
        </SessionProvider>
      </AppInfoProvider>
    </LocaleProvider>
  );
}
