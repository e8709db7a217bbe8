import { app } from 'electron';

export interface LifecycleOptions {
  /** Close the services cleanly (drain calls, close the database) before the app exits. */
  stopServices(): Promise<void>;
  hasWindow(): boolean;
  createWindow(): void;
}

/** Quit when the window closes, and never exit before the services have closed the database. */
export function setupLifecycle(options: LifecycleOptions): void {
  let servicesStopped = false;
  let stopping: Promise<void> | null = null;

  app.on('window-all-closed', () => app.quit());

  app.on('before-quit', (event) => {
    if (servicesStopped) return;
    event.preventDefault();
    if (stopping) return; // already on its way out
    stopping = options
      .stopServices()
      .catch((error: unknown) => console.error(`Stopping the services failed: ${String(error)}`))
      .finally(() => {
        servicesStopped = true;
        app.quit();
      });
  });

  // macOS: clicking the dock icon with no window open.
  app.on('activate', () => {
    if (!options.hasWindow()) options.createWindow();
  });

  app.on('render-process-gone', (_event, _contents, details) => {
    console.error(
      `The Standalone page stopped (${details.reason}, exit code ${details.exitCode}).`,
    );
  });
}
