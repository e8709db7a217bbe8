/**
 * Electron main process: thin. Each concern lives in its own file and is set up here, in order.
 * The database lives in the services process; this process only opens the window and relays.
 */
import { app, dialog } from 'electron';
import { setupEnvironment } from './environment';
import { setupIpc } from './ipc';
import { setupLifecycle } from './lifecycle';
import { setupMenu } from './menu';
import { messages } from './messages';
import { appFiles } from './paths';
import { registerAppScheme, setupAppProtocol } from './protocol';
import { setupSecurity } from './security';
import { setupServices, type ServicesConnection } from './services';
import { setupSingleInstance } from './single-instance';
import { createMainWindow, focusMainWindow, hasMainWindow } from './window';

// Before `ready`: privileged schemes, the data folder (it moves userData), the instance lock.
registerAppScheme();
const environment = setupEnvironment();
app.enableSandbox();

async function showFatalAndExit(title: string, message: string): Promise<void> {
  console.error(`${title}: ${message}`);
  await dialog.showMessageBox({
    type: 'error',
    title,
    message: title,
    detail: messages.fatalDetail(message, environment.dataDir),
  });
  app.exit(1);
}

async function start(): Promise<void> {
  // Development builds (not packaged) keep DevTools; packaged builds get none.
  const devTools = !app.isPackaged;
  const files = appFiles();

  setupSecurity({ allowDevTools: devTools });
  setupAppProtocol(files.rendererDir);
  setupMenu({ devTools });

  let services: ServicesConnection;
  try {
    services = await setupServices({
      entry: files.servicesEntry,
      dataDir: environment.dataDir,
      nativeBinding: files.nativeBinding,
      onUnexpectedExit: (exitCode) => {
        void dialog
          .showMessageBox({
            type: 'error',
            title: messages.crashedTitle,
            message: messages.crashedMessage(exitCode),
            detail: messages.crashedDetail(environment.dataDir),
          })
          .finally(() => app.exit(1));
      },
    });
  } catch (error) {
    // ServicesStartError carries the services' own message (e.g. db_from_newer_version).
    const message = error instanceof Error ? error.message : String(error);
    await showFatalAndExit(messages.fatalTitle, message);
    return;
  }

  setupIpc(services.relay);
  const openWindow = () => {
    createMainWindow({ preloadFile: files.preloadFile, devTools });
  };
  setupLifecycle({
    stopServices: () => services.stop(),
    hasWindow: hasMainWindow,
    createWindow: openWindow,
  });
  openWindow();
}

if (!setupSingleInstance(focusMainWindow)) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) =>
      showFatalAndExit(messages.fatalTitle, error instanceof Error ? error.message : String(error)),
    );
}
