#!/usr/bin/env node
// The `standalone` command: runs the built CLI (npm run build writes out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('standalone: the CLI is not built yet. Run `npm run build` first.\n');
  process.exit(70);
}
await import(pathToFileURL(built).href);
