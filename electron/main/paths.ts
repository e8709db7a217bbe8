import { app } from 'electron';
import path from 'node:path';
import { decideShellPaths, type OverrideInputs } from './overrides';

/** The built files the main process needs, from the app folder (project root or app.asar). */
export interface AppFiles {
  rendererDir: string;
  /** electron-vite names the CommonJS preload .cjs because package.json is "type": "module". */
  preloadFile: string;
  servicesEntry: string;
  nativeBinding: string;
}

export function appFiles(): AppFiles {
  const root = app.getAppPath();
  return {
    rendererDir: path.join(root, 'out', 'renderer'),
    preloadFile: path.join(root, 'out', 'preload', 'index.cjs'),
    servicesEntry: path.join(root, 'out', 'main', 'services.js'),
    nativeBinding: decideShellPaths(shellPathInputs()).nativeBinding,
  };
}

/** What `decideShellPaths` decides from, read from Electron and the process. */
export function shellPathInputs(): OverrideInputs {
  return {
    isPackaged: app.isPackaged,
    env: process.env,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    platform: process.platform,
    arch: process.arch,
  };
}
