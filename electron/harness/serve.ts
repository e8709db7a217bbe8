/**
 * `npm run serve`: the built renderer and the real services on loopback HTTP, for development
 * in a plain browser where Electron is not available. Test/dev only; never packaged.
 *
 *   tsx electron/harness/serve.ts [--port N]
 *
 * Data: STANDALONE_DATA_DIR, else `.data/` in the repository (never the user's real app data).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness } from './server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function parsePort(args: string[]): number {
  const at = args.indexOf('--port');
  if (at === -1) return 0;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`--port needs a port number from 0 to 65535, not "${args[at + 1] ?? ''}".`);
  }
  return value;
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2));
  const dataDir = path.resolve(process.env.STANDALONE_DATA_DIR ?? path.join(repoRoot, '.data'));
  fs.mkdirSync(dataDir, { recursive: true });
  const harness = await startHarness({ dataDir, port });
  process.stdout.write(
    `Standalone harness (test/dev only) at ${harness.url}\n` +
      `Data folder: ${dataDir}\n` +
      'Press Ctrl+C to stop.\n',
  );
  const stop = () => {
    // Close the database cleanly so the WAL is checkpointed before exit.
    void harness.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
