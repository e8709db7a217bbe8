import os from 'node:os';
import path from 'node:path';

export const appFolderName = 'Standalone';

/**
 * Where the data lives: an explicit folder, else STANDALONE_DATA_DIR, else the same folder
 * Electron uses as userData for this app (so the CLI and the app share one database).
 */
export function resolveDataDir(explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  if (process.env.STANDALONE_DATA_DIR) return path.resolve(process.env.STANDALONE_DATA_DIR);
  if (process.platform === 'win32') {
    return path.join(
      process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'),
      appFolderName,
    );
  }
  if (process.platform === 'darwin') {
    return path.join(os.homedir(), 'Library', 'Application Support', appFolderName);
  }
  return path.join(
    process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'),
    appFolderName,
  );
}
