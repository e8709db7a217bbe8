// npm run test:soak: the crash-safety kill loop, the API fuzz, the importers and the replay check,
// each long, then the number of generated inputs they tried in total (at least 100,000 at full
// length). STANDALONE_SOAK_SCALE=0.01 runs a short try of the same.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const files = [
  'electron/services/test/hostile/api-fuzz.test.ts',
  'electron/services/test/hostile/importers.test.ts',
  'electron/services/audit/replay-soak.test.ts',
  'electron/services/test/crash',
];
const minimum = 100_000;
const counts = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-soak-'));
const run = spawnSync('npx', ['vitest', 'run', ...files], {
  stdio: 'inherit',
  env: { ...process.env, STANDALONE_SOAK: '1', STANDALONE_SOAK_COUNTS: counts },
});
const parts = fs
  .readdirSync(counts)
  .map((name) => JSON.parse(fs.readFileSync(path.join(counts, name), 'utf8')));
fs.rmSync(counts, { recursive: true, force: true });
const total = parts.reduce((sum, p) => sum + p.count, 0);
process.stdout.write(
  `\nsoak: ${total.toLocaleString('en')} generated inputs in total (${parts
    .map((p) => `${p.what} ${p.count.toLocaleString('en')}`)
    .join(', ')})\n`,
);
const scale = Number(process.env.STANDALONE_SOAK_SCALE ?? '1');
if (run.status === 0 && scale >= 1 && total < minimum) {
  process.stdout.write(`soak: fewer than ${minimum.toLocaleString('en')} generated inputs\n`);
  process.exit(1);
}
process.exit(run.status ?? 1);
