import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBindingPath, unpackedFromAsar } from './native-binding';

describe('electronNativeBindingPath', () => {
  it('points into out/native/<platform>-<arch> of the project in development', () => {
    expect(electronNativeBindingPath('/work/app', 'linux', 'x64', path.posix)).toBe(
      '/work/app/out/native/linux-x64/better_sqlite3.node',
    );
  });

  it('points into app.asar.unpacked when packaged (a .node cannot load from the archive)', () => {
    expect(
      electronNativeBindingPath('/opt/Standalone/resources/app.asar', 'linux', 'x64', path.posix),
    ).toBe('/opt/Standalone/resources/app.asar.unpacked/out/native/linux-x64/better_sqlite3.node');
    expect(
      electronNativeBindingPath(
        'C:\\Program Files\\Standalone\\resources\\app.asar',
        'win32',
        'x64',
        path.win32,
      ),
    ).toBe(
      'C:\\Program Files\\Standalone\\resources\\app.asar.unpacked\\out\\native\\win32-x64\\better_sqlite3.node',
    );
  });

  it('leaves look-alike folder names alone', () => {
    expect(unpackedFromAsar('/x/app.asar.bak/y.node', path.posix)).toBe('/x/app.asar.bak/y.node');
    expect(unpackedFromAsar('/x/my-app.asar/y.node', path.posix)).toBe('/x/my-app.asar/y.node');
  });
});
