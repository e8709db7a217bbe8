import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../services/test/run-cli';
import { fixturesDir, tempDir } from '../../services/test/temp-runtime';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

// Each run spawns the real CLI (tsx compiles on every start): allow for a busy machine.
const slow = { timeout: 600_000 };

describe('standalone kev import and epss import', () => {
  it(
    'stores the real KEV catalog (exit 0) and refuses malformed files naming the field or line (exit 2)',
    slow,
    async () => {
      const data = tempDir('standalone-cli-');
      const work = tempDir('standalone-cli-files-');
      cleanups.push(data.cleanup, work.cleanup);
      const kev = path.join(fixturesDir, 'kev', 'known_exploited_vulnerabilities.json');
      const ok = await runCli(data.dir, ['kev', 'import', kev]);
      expect(ok.stdout).toContain('imported KEV catalog 2025.08.25');
      expect(ok.code).toBe(0);

      const broken = path.join(work.dir, 'kev.json');
      const doc = JSON.parse(fs.readFileSync(kev, 'utf8')) as {
        vulnerabilities: Record<string, unknown>[];
      };
      delete doc.vulnerabilities[3]?.dateAdded;
      fs.writeFileSync(broken, JSON.stringify(doc));
      const refused = await runCli(data.dir, ['kev', 'import', broken]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/vulnerabilities\[3\]\.dateAdded .*is missing/);

      const epss = path.join(work.dir, 'epss.csv');
      fs.writeFileSync(
        epss,
        '#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2015-1635,0.94,0.99\nCVE-2015-1497,oops,0.5\n',
      );
      const bad = await runCli(data.dir, ['epss', 'import', epss]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(
        'epss.csv: line 4, column epss: "oops" is not a number from 0 to 1',
      );
      fs.writeFileSync(epss, fs.readFileSync(epss, 'utf8').replace('oops', '0.02'));
      const good = await runCli(data.dir, ['--json', 'epss', 'import', epss]);
      expect(good.code).toBe(0);
      expect(JSON.parse(good.stdout)).toMatchObject({ outcome: 'imported', rows: 2 });
    },
  );
});
