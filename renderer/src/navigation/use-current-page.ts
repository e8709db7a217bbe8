import { useSyncExternalStore } from 'react';
import { defaultPage, pageFromHash, type PageId } from './pages';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page in the URL hash; `home` when the hash names none. */
export function useCurrentPage(home: PageId = defaultPage): PageId {
  return useSyncExternalStore(subscribe, () => pageFromHash(window.location.hash, home));
}
