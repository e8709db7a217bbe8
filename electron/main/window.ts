import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-url';

export interface WindowOptions {
  preloadFile: string;
  devTools: boolean;
}

// The windows this app created: IPC is accepted from these and nothing else.
const ourWindows = new WeakSet<BrowserWindow>();
let mainWindow: BrowserWindow | null = null;

export function isOurWindow(window: BrowserWindow | null): boolean {
  return window !== null && ourWindows.has(window);
}

/** The one window of the app, loading the renderer from the app's own origin. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Standalone',
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: options.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // The spell checker downloads dictionaries from Google: nothing leaves this app.
      spellcheck: false,
      safeDialogs: true,
      devTools: options.devTools,
    },
  });
  ourWindows.add(window);
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`The Standalone page did not load: ${String(error)}`);
  });
  return window;
}

/** Bring the existing window forward (a second launch of the app lands here). */
export function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

export function hasMainWindow(): boolean {
  return mainWindow !== null;
}
