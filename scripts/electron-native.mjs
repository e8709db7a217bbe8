// @ts-check
/**
 * better-sqlite3 for Electron's ABI, built into its own folder so that node_modules keeps the
 * Node build that the tests and the CLI use. Shared by `npm start` and `npm run package:*`.
 *
 * Trap this guards against: npm's config on build machines can carry `nodedir=/usr`; npm exports
 * it as npm_config_nodedir, node-gyp obeys it over its own arguments, and the "Electron" build is
 * silently compiled against Node's headers (ABI 115 instead of Electron 45's 150). So the build
 * environment is cleaned, the Electron headers URL is passed explicitly, and the ABI of the
 * produced file is read back and checked before anyone uses it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_HEADERS_URL = 'https://www.electronjs.org/headers';
const moduleName = 'better-sqlite3';
const bindingFile = 'better_sqlite3.node';

/** Raised for problems a person must act on: the message is printed without a stack. */
export class UserFacingError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** @param {string} file */
function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** @param {string} root */
function electronPackageDir(root) {
  return path.join(root, 'node_modules', 'electron');
}

/** @param {string} root @returns {string} */
export function electronVersion(root = projectRoot) {
  return readJson(path.join(electronPackageDir(root), 'package.json')).version;
}

/**
 * Where the Electron executable is, without `require('electron')`: that module starts a download
 * when the binary is missing, which on an offline machine hangs or fails with a stack trace.
 * @param {string} [root]
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ installed: true, executable: string } | { installed: false, reason: string }}
 */
export function electronBinaryStatus(root = projectRoot, env = process.env) {
  const packageDir = electronPackageDir(root);
  if (!fs.existsSync(path.join(packageDir, 'package.json'))) {
    return { installed: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  // Same override as node_modules/electron/index.js.
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const executable = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return fs.existsSync(executable)
      ? { installed: true, executable }
      : { installed: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${executable}` };
  }
  if (!relative) return { installed: false, reason: 'node_modules/electron/path.txt is missing' };
  const executable = path.join(packageDir, 'dist', relative);
  return fs.existsSync(executable)
    ? { installed: true, executable }
    : { installed: false, reason: `${executable} is missing` };
}

/**
 * Electron's NODE_MODULE_VERSION, from the file the electron package ships, cross-checked with
 * node-abi (from @electron/rebuild) when that is installed. Disagreement stops the build.
 * @param {string} [root]
 * @returns {number}
 */
export function expectedElectronAbi(root = projectRoot) {
  const fromPackage = Number.parseInt(
    fs.readFileSync(path.join(electronPackageDir(root), 'abi_version'), 'utf8').trim(),
    10,
  );
  if (!Number.isInteger(fromPackage)) {
    throw new UserFacingError('node_modules/electron/abi_version does not hold an ABI number.');
  }
  let fromNodeAbi;
  try {
    const requireFromRebuild = createRequire(
      path.join(root, 'node_modules', '@electron', 'rebuild', 'package.json'),
    );
    const nodeAbi = requireFromRebuild('node-abi');
    fromNodeAbi = Number(nodeAbi.getAbi(electronVersion(root), 'electron'));
  } catch {
    fromNodeAbi = undefined; // node-abi absent or too old to know this Electron: the file decides
  }
  if (fromNodeAbi !== undefined && fromNodeAbi !== fromPackage) {
    throw new UserFacingError(
      `Electron ${electronVersion(root)} reports ABI ${fromPackage} but node-abi says ` +
        `${fromNodeAbi}. Reinstall the electron and @electron/rebuild packages.`,
    );
  }
  return fromPackage;
}

/**
 * The NODE_MODULE_VERSION a native module was compiled for, read from its exported
 * `node_register_module_v<ABI>` symbol: works for any platform's binary without loading it.
 * Null when the file has no such symbol (e.g. a Node-API module) or names more than one ABI.
 * @param {Uint8Array} bytes
 * @returns {number | null}
 */
export function readNodeModuleVersion(bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const versions = new Set();
  for (const match of text.matchAll(/node_register_module_v(\d+)/g)) versions.add(Number(match[1]));
  return versions.size === 1 ? [...versions][0] : null;
}

/**
 * The environment for the native build: npm's exported config keys that would override the
 * Electron target given to node-gyp (node-gyp lets npm_config_* beat its own arguments).
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function sanitizedBuildEnv(env) {
  const overriding =
    /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|target_platform|devdir|tarball|build_from_source|ensure)$/i;
  const nodeGypPackageConfig = /^npm_package_config_node_gyp_/i;
  /** @type {NodeJS.ProcessEnv} */
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (overriding.test(key) || nodeGypPackageConfig.test(key)) continue;
    clean[key] = value;
  }
  return clean;
}

/**
 * Where the Electron build goes: out/native/<platform>-<arch>/better_sqlite3.node. The main
 * process computes the same path (electron/main/native-binding.ts); electron-builder packs it and
 * unpacks it from the asar.
 * @param {string} [root]
 * @param {string} [platform]
 * @param {string} [arch]
 */
export function electronNativeBindingPath(
  root = projectRoot,
  platform = process.platform,
  arch = process.arch,
) {
  return path.join(root, 'out', 'native', `${platform}-${arch}`, bindingFile);
}

/**
 * Check that `file` exists and was compiled for `abi`; throws a UserFacingError otherwise.
 * @param {string} file
 * @param {number} abi
 */
export function assertElectronAbi(file, abi) {
  if (!fs.existsSync(file)) throw new UserFacingError(`${file} does not exist.`);
  const found = readNodeModuleVersion(fs.readFileSync(file));
  if (found !== abi) {
    const hint =
      found === Number(process.versions.modules)
        ? ` That is this Node's ABI: it was compiled against Node's headers (check npm's ` +
          `nodedir setting: \`npm config get nodedir\`).`
        : '';
    throw new UserFacingError(
      `${file} was built for ABI ${found ?? 'unknown'}, not Electron's ${abi}.${hint} ` +
        `The packaged app would crash when it opens its database.`,
    );
  }
}

/**
 * Build better-sqlite3 for Electron's ABI unless a matching build is already in place.
 * @param {{ root?: string, force?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<string>} the path of the built .node file
 */
export async function ensureElectronNativeBuild(options = {}) {
  const root = options.root ?? projectRoot;
  const log = options.log ?? ((line) => console.log(line));
  const version = electronVersion(root);
  const abi = expectedElectronAbi(root);
  const moduleDir = path.join(root, 'node_modules', moduleName);
  const moduleVersion = readJson(path.join(moduleDir, 'package.json')).version;
  const target = electronNativeBindingPath(root);
  const infoFile = path.join(path.dirname(target), 'build-info.json');
  const wanted = { module: moduleName, moduleVersion, electronVersion: version, abi };

  if (!options.force && fs.existsSync(target) && fs.existsSync(infoFile)) {
    const info = readJson(infoFile);
    const fresh = Object.entries(wanted).every(([key, value]) => info[key] === value);
    if (fresh && readNodeModuleVersion(fs.readFileSync(target)) === abi) return target;
  }

  // A private copy of the package (without its Node build) in a folder of its own: the rebuild
  // never touches node_modules/better-sqlite3, and its module search cannot climb out of it.
  const stage = path.join(
    root,
    'node_modules',
    '.cache',
    'standalone-electron-native',
    `${process.platform}-${process.arch}`,
  );
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(path.join(stage, 'node_modules'), { recursive: true });
  fs.writeFileSync(
    path.join(stage, 'package.json'),
    JSON.stringify({
      name: 'electron-native-stage',
      private: true,
      dependencies: { [moduleName]: moduleVersion },
    }),
  );
  const stagedModule = path.join(stage, 'node_modules', moduleName);
  fs.cpSync(moduleDir, stagedModule, {
    recursive: true,
    filter: (source) => path.relative(moduleDir, source).split(path.sep)[0] !== 'build',
  });

  log(`Building ${moduleName} ${moduleVersion} for Electron ${version} (ABI ${abi})…`);
  const { rebuild } = await import('@electron/rebuild');
  // @electron/rebuild forks node-gyp with process.env: take the overriding keys out of it for
  // the duration of the build, and put them back afterwards.
  const clean = sanitizedBuildEnv(process.env);
  /** @type {Record<string, string | undefined>} */
  const removed = {};
  for (const key of Object.keys(process.env)) {
    if (!(key in clean)) {
      removed[key] = process.env[key];
      Reflect.deleteProperty(process.env, key);
    }
  }
  try {
    await rebuild({
      buildPath: stage,
      projectRootPath: stage,
      electronVersion: version,
      arch: process.arch,
      onlyModules: [moduleName],
      force: true,
      buildFromSource: true,
      headerURL: ELECTRON_HEADERS_URL,
      mode: 'sequential',
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserFacingError(
      `Building ${moduleName} for Electron ${version} failed: ${reason}\n` +
        `It needs a C++ toolchain, Python, and the Electron ${version} headers (downloaded from ` +
        `${ELECTRON_HEADERS_URL} into ~/.electron-gyp unless already there).`,
    );
  } finally {
    Object.assign(process.env, removed);
  }

  const built = path.join(stagedModule, 'build', 'Release', bindingFile);
  assertElectronAbi(built, abi);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, target);
  fs.writeFileSync(infoFile, `${JSON.stringify(wanted, null, 2)}\n`);
  assertElectronAbi(target, abi);
  log(`Built ${path.relative(root, target)} (ABI ${abi}).`);
  return target;
}

/**
 * Run a Node CLI of an installed package (electron-vite, …) with this Node, inheriting output.
 * Resolved through the package's "bin" field so that no shell or .cmd shim is involved.
 * @param {string} packageName
 * @param {string[]} args
 * @param {string} [root]
 */
export function runPackageBin(packageName, args, root = projectRoot) {
  const packageDir = path.join(root, 'node_modules', packageName);
  const { bin } = readJson(path.join(packageDir, 'package.json'));
  const relative = typeof bin === 'string' ? bin : bin?.[packageName];
  if (typeof relative !== 'string') throw new UserFacingError(`${packageName} has no command.`);
  const result = spawnSync(process.execPath, [path.join(packageDir, relative), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new UserFacingError(`\`${packageName} ${args.join(' ')}\` failed.`);
  }
}

/**
 * Run an async script body: a UserFacingError prints its message alone, anything else its stack.
 * @param {() => Promise<void>} body
 */
export function runScript(body) {
  body().catch((error) => {
    if (error instanceof UserFacingError) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  });
}
