import { isAppUrl } from './app-url';

/** The one IPC channel of the app; the preload uses the same literal. */
export const CALL_CHANNEL = 'standalone:call';

/** What the main process knows about the sender of an IPC message. */
export interface IpcSenderFacts {
  /** `BrowserWindow.fromWebContents(event.sender)` is a window this app created. */
  fromOurWindow: boolean;
  /** The message came from the top frame, not from an iframe inside the page. */
  isMainFrame: boolean;
  /** `event.senderFrame.url`; undefined when the frame is already gone. */
  frameUrl: string | null | undefined;
}

/**
 * Accept a call only from the top frame of one of our windows showing the app's own origin, so
 * that a page that somehow got loaded (or a frame inside ours) cannot reach the services.
 */
export function isTrustedIpcSender(sender: IpcSenderFacts): boolean {
  return sender.fromOurWindow && sender.isMainFrame && isAppUrl(sender.frameUrl);
}
