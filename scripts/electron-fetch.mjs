// @ts-check
/**
 * Fetch the Electron binary the way the electron package's own install script does: the same
 * @electron/get call (version, pinned checksums, cache, mirror and platform settings from the
 * environment), then the package's install.js, which finds the zip in the cache and extracts it.
 *
 * The download runs in a child process that reports its progress; it is stopped when no bytes
 * arrive for `noProgressMs` (an offline machine may never answer at all).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const thisFile = fileURLToPath(import.meta.url);

/** @param {unknown} error */
function describeError(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/** The child: download into Electron's cache, reporting progress to the parent. */
async function downloadInChild(/** @type {string} */ root) {
  const env = process.env;
  const electronDir = path.join(root, 'node_modules', 'electron');
  const require = createRequire(path.join(electronDir, 'package.json'));
  const { downloadArtifact } = await import(pathToFileURL(require.resolve('@electron/get')).href);
  const send = (/** @type {object} */ message) => process.send?.(message);
  send({ type: 'started' });
  try {
    await downloadArtifact({
      version: require('./package.json').version,
      artifactName: 'electron',
      force: env.force_no_cache === 'true',
      cacheRoot: env.electron_config_cache,
      checksums:
        env.electron_use_remote_checksums || env.npm_config_electron_use_remote_checksums
          ? undefined
          : require('./checksums.json'),
      platform: env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform,
      arch: env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch,
      downloadOptions: {
        quiet: true,
        getProgressCallback: (/** @type {{ transferred: number }} */ progress) =>
          send({ type: 'progress', transferred: progress.transferred }),
      },
    });
    send({ type: 'downloaded' });
  } catch (error) {
    send({ type: 'failed', reason: describeError(error) });
    process.exitCode = 1;
  }
}

/**
 * @param {{ root: string, noProgressMs?: number, log?: (line: string) => void }} options
 * @returns {Promise<{ ok: true } | { ok: false, reason: string }>}
 */
export async function fetchElectron({ root, noProgressMs = 30_000, log = console.log }) {
  const seconds = Math.round(noProgressMs / 1000);
  log(
    `The Electron runtime is missing: downloading it (giving up after ${seconds} s without progress)…`,
  );
  const downloaded = await new Promise((resolve) => {
    const child = spawn(process.execPath, [thisFile, root], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    let reason = '';
    let done = false;
    /** @type {NodeJS.Timeout | undefined} */
    let watchdog;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        reason = `no progress for ${seconds} s`;
        child.kill();
      }, noProgressMs);
    };
    arm();
    let reported = 0;
    child.on('message', (/** @type {any} */ message) => {
      if (message?.type === 'started') arm();
      else if (message?.type === 'progress') {
        arm();
        const megabytes = Math.floor(message.transferred / 10_000_000) * 10;
        if (megabytes > reported) {
          reported = megabytes;
          log(`  ${megabytes} MB…`);
        }
      } else if (message?.type === 'downloaded') done = true;
      else if (message?.type === 'failed') reason = String(message.reason);
    });
    child.on('exit', (code) => {
      clearTimeout(watchdog);
      if (done && code === 0) resolve({ ok: true });
      else {
        const lastLine = stderr.trim().split('\n').pop() ?? '';
        resolve({ ok: false, reason: reason || lastLine || `the download stopped (exit ${code})` });
      }
    });
    child.on('error', (error) => {
      clearTimeout(watchdog);
      resolve({ ok: false, reason: describeError(error) });
    });
  });
  if (!downloaded.ok) return downloaded;

  // Now in the cache: install.js verifies and extracts it without the network.
  const install = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'electron', 'install.js')],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 5 * 60_000, encoding: 'utf8' },
  );
  if (install.status !== 0) {
    const lastLine = (install.stderr ?? '').trim().split('\n').pop();
    return {
      ok: false,
      reason: `extracting it failed: ${lastLine || describeError(install.error)}`,
    };
  }
  log('Downloaded the Electron runtime.');
  return { ok: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === thisFile && process.argv[2]) {
  await downloadInChild(process.argv[2]);
}
