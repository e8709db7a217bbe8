// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads this hook as CommonJS. */
/**
 * electron-builder afterPack hook: flip Electron's fuses on the packed binary (before signing,
 * which electron-builder does after this hook) and read them back; then check that the packed
 * better-sqlite3 was compiled for Electron's ABI. Any mismatch stops the build.
 */
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = require('@electron/fuses');

// How the fuse wire stores a fuse: the characters '1' and '0' (@electron/fuses' FuseState, which
// its index does not export).
const FUSE_ENABLED = '1'.charCodeAt(0);
const FUSE_DISABLED = '0'.charCodeAt(0);
const { Arch } = require('electron-builder');

/** The fuses the app ships with, and why. */
const fuses = {
  // The Electron binary can never be used as a plain Node (ELECTRON_RUN_AS_NODE).
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted at rest with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS cannot inject code or flags into the app.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends cannot attach a debugger to the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging (Windows and macOS; Electron has
  // no asar integrity on Linux, where this fuse has no effect).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app is loaded only from app.asar, never from a loose app/ folder placed next to it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** @param {import('electron-builder').AfterPackContext} context */
function electronExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      // Same name electron-builder gives the renamed binary on Linux.
      return path.join(
        appOutDir,
        /** @type {import('electron-builder').LinuxPackager} */ (/** @type {unknown} */ (packager))
          .executableName,
      );
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    default:
      throw new Error(`after-pack: unknown platform ${electronPlatformName}`);
  }
}

/** @param {import('electron-builder').AfterPackContext} context */
module.exports = async function afterPack(context) {
  const executable = electronExecutable(context);
  await flipFuses(executable, {
    version: FuseVersion.V1,
    // Only matters on Apple Silicon builds, which this app does not ship; harmless elsewhere.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
    ...fuses,
  });

  const wire = await getCurrentFuseWire(executable);
  const wrong = Object.entries(fuses).filter(([index, wanted]) => {
    const state = /** @type {Record<string, number | undefined>} */ (/** @type {unknown} */ (wire))[
      index
    ];
    return state !== (wanted ? FUSE_ENABLED : FUSE_DISABLED);
  });
  if (wrong.length > 0) {
    const names = wrong.map(([index]) => FuseV1Options[Number(index)]).join(', ');
    throw new Error(`after-pack: these fuses did not take on ${executable}: ${names}`);
  }
  console.log(`after-pack: fuses set on ${path.basename(executable)}`);

  // The file the main process will hand to better-sqlite3 (electron/main/native-binding.ts).
  const arch = Arch[context.arch];
  const binding = path.join(
    context.packager.getResourcesDir(context.appOutDir),
    'app.asar.unpacked',
    'out',
    'native',
    `${context.electronPlatformName}-${arch}`,
    'better_sqlite3.node',
  );
  /** @type {typeof import('./electron-native.mjs')} */
  const native = await import(pathToFileURL(path.join(__dirname, 'electron-native.mjs')).href);
  native.assertElectronAbi(binding, native.expectedElectronAbi(context.packager.projectDir));
  console.log(`after-pack: ${path.basename(binding)} is built for Electron's ABI`);
};
