// @ts-check
/**
 * Packaging for hospitals' Windows and Linux machines. Run through `npm run package:linux|win`
 * (scripts/package.mjs), which first builds the app and better-sqlite3 for Electron's ABI.
 *
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'org.standalone.app',
  productName: 'Standalone',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    // Only the Electron build for the platform and architecture being packed.
    'out/native/${platform}-${arch}/**',
    '!**/*.map',
    // better-sqlite3 is loaded from out/native through `nativeBinding`: its sources and its Node
    // build (the wrong ABI for Electron) are left out, so a missed path fails loudly.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
  ],
  // Demo facility, advisories, templates: found by the services via STANDALONE_RESOURCES_DIR.
  extraResources: [{ from: 'resources', to: 'resources', filter: ['**/*'] }],
  asar: true,
  // A native module cannot be loaded from inside the archive.
  asarUnpack: ['**/*.node'],
  // Native modules are rebuilt deliberately, into their own folder, by scripts/package.mjs.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // Fuses are flipped and checked there (and the Electron build of better-sqlite3 is checked).
  afterPack: './scripts/after-pack.cjs',
  // Offline app: no update feed, nothing published.
  publish: null,
  win: {
    target: ['nsis', 'portable'],
  },
  nsis: {
    oneClick: false,
    allowToChangeInstallationDirectory: true,
    perMachine: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    // Required by the deb target; package.json has no author e-mail.
    maintainer: 'Standalone maintainers',
    synopsis: 'Offline guide for taking networked medical devices to standalone mode and back',
  },
};
