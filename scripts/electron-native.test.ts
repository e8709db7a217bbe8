import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronNativeBindingPath as mainProcessBindingPath } from '../electron/main/native-binding';

/** The part of electron-native.mjs under test (a JS module without type declarations). */
interface ElectronNative {
  projectRoot: string;
  electronBinaryStatus(
    root?: string,
    env?: NodeJS.ProcessEnv,
  ): { installed: true; executable: string } | { installed: false; reason: string };
  expectedElectronAbi(root?: string): number;
  readNodeModuleVersion(bytes: Uint8Array): number | null;
  sanitizedBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  electronNativeBindingPath(root?: string, platform?: string, arch?: string): string;
  assertElectronAbi(file: string, abi: number): void;
}

const native = (await import(
  new URL('./electron-native.mjs', import.meta.url).href
)) as ElectronNative;
const nodeBuild = path.join(
  native.projectRoot,
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);

describe('readNodeModuleVersion: the ABI a native module was compiled for', () => {
  it('reads the Node build used by the tests and the CLI as this Node’s ABI', () => {
    expect(native.readNodeModuleVersion(fs.readFileSync(nodeBuild))).toBe(
      Number(process.versions.modules),
    );
  });

  it.each([
    ['one registration symbol', 'xx\0node_register_module_v150\0yy', 150],
    [
      'the same symbol twice (symtab and dynsym)',
      'node_register_module_v150 node_register_module_v150',
      150,
    ],
    ['two different ABIs', 'node_register_module_v115 node_register_module_v150', null],
    ['no symbol (e.g. a Node-API module)', 'napi_register_module_v1', null],
  ])('%s', (_label, text, expected) => {
    expect(native.readNodeModuleVersion(Buffer.from(text, 'latin1'))).toBe(expected);
  });
});

describe('Electron ABI checks', () => {
  it('knows Electron 45’s ABI from the installed package, agreeing with node-abi', () => {
    expect(native.expectedElectronAbi()).toBe(150);
  });

  it('refuses a build made against Node’s headers, and says so', () => {
    expect(() => native.assertElectronAbi(nodeBuild, 150)).toThrow(
      /built for ABI 115, not Electron's 150.*Node's headers.*nodedir/s,
    );
  });

  it('refuses a missing file', () => {
    expect(() => native.assertElectronAbi(path.join(os.tmpdir(), 'no-such.node'), 150)).toThrow(
      /does not exist/,
    );
  });
});

describe('sanitizedBuildEnv: npm config that would redirect node-gyp', () => {
  it('drops nodedir, target, runtime, dist-url and arch overrides in any case', () => {
    const env = native.sanitizedBuildEnv({
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.20.2',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_dist_url: 'https://nodejs.org/dist',
      npm_config_arch: 'ia32',
      npm_package_config_node_gyp_nodedir: '/usr',
      npm_config_cache: '/root/.npm',
      HTTPS_PROXY: 'http://proxy:3128',
      PATH: '/usr/bin',
    });
    expect(env).toEqual({
      npm_config_cache: '/root/.npm',
      HTTPS_PROXY: 'http://proxy:3128',
      PATH: '/usr/bin',
    });
  });
});

describe('layout shared with the main process', () => {
  it('builds to the path the main process loads from', () => {
    expect(native.electronNativeBindingPath('/work/app', 'linux', 'x64')).toBe(
      mainProcessBindingPath('/work/app', 'linux', 'x64'),
    );
  });
});

describe('electronBinaryStatus: finds the binary without require("electron")', () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  function fakeProject(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-electron-status-'));
    temps.push(root);
    for (const [relative, content] of Object.entries(files)) {
      const file = path.join(root, 'node_modules', 'electron', relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    return root;
  }
  const pkg = { 'package.json': '{"version":"45.5.0"}' };

  it('reports a missing package, a missing path.txt and a missing dist', () => {
    expect(native.electronBinaryStatus(fakeProject({}), {}).installed).toBe(false);
    expect(native.electronBinaryStatus(fakeProject(pkg), {}).installed).toBe(false);
    const noDist = fakeProject({ ...pkg, 'path.txt': 'electron' });
    expect(native.electronBinaryStatus(noDist, {})).toEqual({
      installed: false,
      reason: `${path.join(noDist, 'node_modules', 'electron', 'dist', 'electron')} is missing`,
    });
  });

  it('finds an installed binary, and honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = fakeProject({ ...pkg, 'path.txt': 'electron', 'dist/electron': '' });
    expect(native.electronBinaryStatus(root, {})).toEqual({
      installed: true,
      executable: path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
    const override = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-electron-dist-'));
    temps.push(override);
    expect(
      native.electronBinaryStatus(root, { ELECTRON_OVERRIDE_DIST_PATH: override }).installed,
    ).toBe(false);
    fs.writeFileSync(path.join(override, 'electron'), '');
    expect(
      native.electronBinaryStatus(root, { ELECTRON_OVERRIDE_DIST_PATH: override }).installed,
    ).toBe(true);
  });
});
