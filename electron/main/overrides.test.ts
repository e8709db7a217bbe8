import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideShellPaths, type OverrideInputs } from './overrides';

const hostile = {
  STANDALONE_NATIVE_BINDING: '/tmp/evil/better_sqlite3.node',
  STANDALONE_RESOURCES_DIR: '/tmp/evil/resources',
};

function inputs(isPackaged: boolean, env: OverrideInputs['env']): OverrideInputs {
  return {
    isPackaged,
    env,
    appPath: '/opt/Standalone/resources/app.asar',
    resourcesPath: '/opt/Standalone/resources',
    platform: 'linux',
    arch: 'x64',
  };
}

describe('decideShellPaths', () => {
  it('ignores both environment overrides in a packaged build', () => {
    expect(decideShellPaths(inputs(true, hostile), path.posix)).toEqual({
      nativeBinding:
        '/opt/Standalone/resources/app.asar.unpacked/out/native/linux-x64/better_sqlite3.node',
      resourcesDir: '/opt/Standalone/resources/resources',
    });
  });

  it('packaged on Windows too', () => {
    const win = {
      ...inputs(true, hostile),
      appPath: 'C:\\Program Files\\Standalone\\resources\\app.asar',
      resourcesPath: 'C:\\Program Files\\Standalone\\resources',
      platform: 'win32',
    };
    expect(decideShellPaths(win, path.win32)).toEqual({
      nativeBinding:
        'C:\\Program Files\\Standalone\\resources\\app.asar.unpacked\\out\\native\\win32-x64\\better_sqlite3.node',
      resourcesDir: 'C:\\Program Files\\Standalone\\resources\\resources',
    });
  });

  it('honours them in development and tests', () => {
    expect(decideShellPaths({ ...inputs(false, hostile), appPath: '/src' }, path.posix)).toEqual({
      nativeBinding: '/tmp/evil/better_sqlite3.node',
      resourcesDir: '/tmp/evil/resources',
    });
    expect(decideShellPaths({ ...inputs(false, {}), appPath: '/src' }, path.posix)).toEqual({
      nativeBinding: '/src/out/native/linux-x64/better_sqlite3.node',
      resourcesDir: undefined,
    });
  });
});
