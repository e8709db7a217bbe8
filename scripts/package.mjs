// @ts-check
/**
 * `npm run package:linux` / `npm run package:win`: build the app, build better-sqlite3 for
 * Electron's ABI (fresh, in its own folder, ABI checked), then run electron-builder.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  UserFacingError,
  assertElectronAbi,
  ensureElectronNativeBuild,
  expectedElectronAbi,
  projectRoot,
  runPackageBin,
  runScript,
} from './electron-native.mjs';

/** @type {Record<string, { platform: NodeJS.Platform, name: string }>} */
const targets = {
  linux: { platform: 'linux', name: 'Linux' },
  win: { platform: 'win32', name: 'Windows' },
};

runScript(async () => {
  const targetName = process.argv[2] ?? '';
  const target = targets[targetName];
  if (!target) {
    throw new UserFacingError('Usage: node scripts/package.mjs <linux|win>');
  }
  // better-sqlite3 is compiled from source for Electron; node-gyp cannot cross-compile.
  if (process.platform !== target.platform) {
    throw new UserFacingError(
      `Build the ${target.name} package on ${target.name}: better-sqlite3 must be compiled ` +
        `there for Electron (this machine is ${process.platform}).`,
    );
  }

  runPackageBin('electron-vite', ['build']);
  const binding = await ensureElectronNativeBuild({ force: true });
  assertElectronAbi(binding, expectedElectronAbi());

  const require = createRequire(import.meta.url);
  /** @type {typeof import('electron-builder')} */
  const builder = require('electron-builder');
  const config = require(path.join(projectRoot, 'electron-builder.config.cjs'));
  const artifacts = await builder.build({
    projectDir: projectRoot,
    config,
    publish: 'never',
    // An empty list means "the targets named in the config" (nsis + portable, AppImage + deb).
    ...(targetName === 'win' ? { win: [] } : { linux: [] }),
  });
  for (const artifact of artifacts) console.log(`Built ${path.relative(projectRoot, artifact)}`);
});
