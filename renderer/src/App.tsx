import { useEffect, useRef } from 'react';
import { AppInfoProvider } from './app/AppInfoProvider';
import { AppHeader } from './components/AppHeader';
import { AppInfoError } from './components/AppInfoError';
import { SideNav } from './components/SideNav';
import { SkipLink } from './components/SkipLink';
import { StatusLine } from './components/StatusLine';
import { useCurrentPage } from './navigation/use-current-page';
import { PageView } from './pages/PageView';
import { SessionGate } from './session/SessionGate';
import { SessionProvider } from './session/SessionProvider';

export function App() {
  const page = useCurrentPage();
  const mainRef = useRef<HTMLElement>(null);
  const firstPage = useRef(true);

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
    <AppInfoProvider>
      <SessionProvider>
        <SessionGate>
          <div className="app-shell">
            <SkipLink />
            <AppHeader />
            <SideNav current={page} />
            <main id="main" className="app-main" ref={mainRef} tabIndex={-1}>
              <AppInfoError />
              <PageView page={page} />
            </main>
            <StatusLine />
          </div>
        </SessionGate>
      </SessionProvider>
    </AppInfoProvider>
  );
}
