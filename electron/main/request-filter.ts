import { isAppUrl } from './app-url';

export interface RequestFilterOptions {
  /** Let the DevTools front end load its own pages: development builds only. */
  allowDevTools?: boolean;
}

/**
 * The offline guarantee, decided at the session: a request may go ahead only when it is for the
 * app's own origin (and, in development, DevTools). Everything else is cancelled, including
 * `file:`, `data:` and `blob:` navigations and any scheme a future Chromium might add.
 * (Inline `data:` images allowed by the CSP are decoded in the renderer and never reach here.)
 */
export function isAllowedRequest(url: string, options: RequestFilterOptions = {}): boolean {
  if (isAppUrl(url)) return true;
  if (options.allowDevTools === true) {
    try {
      return new URL(url).protocol === 'devtools:';
    } catch {
      return false;
    }
  }
  return false;
}
