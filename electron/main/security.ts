import { app, session, type WebContents } from 'electron';
import { isAllowedRequest } from './request-filter';

export interface SecurityOptions {
  /** Development only: DevTools may open and load their own pages. */
  allowDevTools: boolean;
}

function describeUrl(url: string): string {
  // Enough to diagnose, without flooding the log with a long data: URL.
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

/**
 * Lock down every web contents the app will ever create: no navigation, no redirects, no new
 * windows, no <webview>. Registered before the first window so nothing escapes it.
 */
function hardenWebContents(contents: WebContents): void {
  // The app is a single page served from its own origin: it never needs to navigate away.
  contents.on('will-navigate', (event) => {
    console.warn(`Blocked a navigation to ${describeUrl(event.url)}`);
    event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // already handled by will-navigate
    console.warn(`Blocked a frame navigation to ${describeUrl(event.url)}`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    console.warn(`Blocked a redirect to ${describeUrl(event.url)}`);
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`Blocked a new window for ${describeUrl(url)}`);
    return { action: 'deny' };
  });
}

/**
 * Deny-by-default at the session: no permission is ever granted, and every request that is not
 * the app's own origin is cancelled before it leaves (the offline guarantee).
 */
export function setupSecurity(options: SecurityOptions): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, { allowDevTools: options.allowDevTools });
    if (!allowed) console.warn(`Blocked a request to ${describeUrl(details.url)}`);
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
