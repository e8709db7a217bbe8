import { app } from 'electron';
import path from 'node:path';
import { decideShellPaths } from './overrides';
import { shellPathInputs } from './paths';

export interface AppEnvironment {
  /** The folder of the database and the log, handed to the services process. */
  dataDir: string;
}

/**
 * Before `ready`: settle the data folder and the resources folder.
 *
 * With STANDALONE_DATA_DIR set (tests, portable installs), Chromium's own profile goes inside it
 * too: two instances with different data folders then neither share a profile nor block each
 * other's single-instance lock (which Electron keys on the userData folder).
 */
export function setupEnvironment(): AppEnvironment {
  const explicit = process.env.STANDALONE_DATA_DIR;
  let dataDir: string;
  if (explicit) {
    dataDir = path.resolve(explicit);
    app.setPath('userData', path.join(dataDir, 'electron-profile'));
  } else {
    // Same folder the services and the CLI compute on their own (electron/services/core/data-dir).
    dataDir = app.getPath('userData');
  }
  // Packaged, resources/ is an extraResource next to app.asar (whatever the environment said);
  // in development the services find it by walking up from out/main unless a test points it.
  const { resourcesDir } = decideShellPaths(shellPathInputs());
  if (resourcesDir) process.env.STANDALONE_RESOURCES_DIR = resourcesDir;
  else delete process.env.STANDALONE_RESOURCES_DIR;
  return { dataDir };
}
