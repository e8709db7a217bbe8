import path from 'node:path';

type PathApi = Pick<typeof path, 'join' | 'sep'>;

/**
 * Where `scripts/electron-native.mjs` puts better-sqlite3 compiled for Electron's ABI (kept apart
 * from node_modules, whose build is for Node: tests and the CLI). Keep the two layouts in step;
 * `scripts/electron-native.test.ts` checks that they agree.
 */
export function electronNativeBindingPath(
  appPath: string,
  platform: string,
  arch: string,
  pathApi: PathApi = path,
): string {
  const file = pathApi.join(appPath, 'out', 'native', `${platform}-${arch}`, 'better_sqlite3.node');
  return unpackedFromAsar(file, pathApi);
}

/**
 * A native module cannot be loaded from inside app.asar; electron-builder's `asarUnpack` puts it
 * in app.asar.unpacked next to it, so point there explicitly.
 */
export function unpackedFromAsar(file: string, pathApi: PathApi = path): string {
  return file
    .split(pathApi.sep)
    .map((part) => (part === 'app.asar' ? 'app.asar.unpacked' : part))
    .join(pathApi.sep);
}
