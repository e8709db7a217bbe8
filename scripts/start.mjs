// @ts-check
/**
 * `npm start`: build the app, make sure better-sqlite3 exists for Electron's ABI, then run
 * Electron on the built app. Without the Electron binary (offline machines) it stops first, with
 * a message and exit code 1.
 */
import { spawn } from 'node:child_process';
import {
  electronBinaryStatus,
  electronMissingMessage,
  ensureElectronNativeBuild,
  projectRoot,
  runPackageBin,
  runScript,
} from './electron-native.mjs';

// Before anything else: without the binary, building would only waste the user's time.
const electron = electronBinaryStatus();
if (!electron.installed) {
  console.error(electronMissingMessage);
  process.exit(1);
}
const executable = electron.executable;

runScript(async () => {
  runPackageBin('electron-vite', ['build']);
  await ensureElectronNativeBuild();

  const env = { ...process.env };
  // Would make Electron start as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [projectRoot, ...process.argv.slice(2)], {
    cwd: projectRoot,
    env,
    stdio: 'inherit',
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => child.kill(signal));
  }
  await new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.exitCode = code ?? (signal ? 1 : 0);
      resolve(undefined);
    });
  });
});
