import { BrowserWindow, ipcMain } from 'electron';
import { err } from '../api/result';
import type { CallRelay } from './call-relay';
import { CALL_CHANNEL, isTrustedIpcSender } from './ipc-guard';
import { messages } from './messages';
import { isOurWindow } from './window';

/**
 * The relay between the page and the services: one channel, accepted only from our own window's
 * top frame on the app origin. Input is not parsed here: the services parse everything from
 * `unknown` with the contract's schemas. The handler stays registered until the app exits: once
 * the relay is drained (shutdown, crash), calls still get a Result explaining why they failed.
 */
export function setupIpc(relay: CallRelay): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const trusted = isTrustedIpcSender({
      fromOurWindow: isOurWindow(BrowserWindow.fromWebContents(event.sender)),
      isMainFrame: frame !== null && frame.parent === null,
      frameUrl: frame?.url,
    });
    if (!trusted) {
      console.warn(`Refused an IPC call from ${frame?.url ?? 'a closed frame'}`);
      return err('forbidden', messages.untrustedSender);
    }
    if (typeof method !== 'string') return err('invalid_input', messages.invalidMethod);
    return relay.call(method, input);
  });
}
