import { Menu, type MenuItemConstructorOptions } from 'electron';
import { messages } from './messages';

export interface MenuOptions {
  /** Development only: reload and DevTools. */
  devTools: boolean;
}

/**
 * A minimal menu built from roles (Electron localises their labels): edit shortcuts must work in
 * forms, and nothing opens a URL (no Help links, no "Learn more").
 */
export function setupMenu(options: MenuOptions): void {
  const view: MenuItemConstructorOptions[] = [
    ...(options.devTools
      ? ([
          { role: 'reload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: messages.viewMenu, submenu: view },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
