import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot, tempDir } from '../../services/test/temp-runtime';
import { freshDataDirs, runCliSync } from '../../services/test/run-cli';
import { cleanupAfterEach } from '../../services/test/cleanups';

const { later } = cleanupAfterEach();

const dataDir = freshDataDirs();

/** The real CLI in its own process, as a user would run it. */
const cli = (dir: string, ...args: string[]) => runCliSync(dir, args);

const inventory = (name: string) => path.join(fixturesDir, 'inventory', name);
const csaf = (name: string) => path.join(fixturesDir, 'csaf', name);

// Each case spawns the real CLI several times (tsx compiles on every start): allow for a busy machine.
const slow = { timeout: 600_000 };

describe('standalone inventory and advisory commands', () => {
  it(
    'refuses the messy export with exit 2 and a JSON report, then imports its valid rows with --skip-invalid',
    slow,
    () => {
      const dir = dataDir();
      const refused = cli(dir, 'inventory', 'import', inventory('messy-cmms-export.csv'), '--json');
      expect(refused.code).toBe(2);
      const report = JSON.parse(refused.stdout) as {
        added: number;
        skipped: unknown[];
        errors: { row: number; column: string | null; message: string }[];
      };
      expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 0, skipped: [] });
      expect(report.errors.map((e) => e.row)).toEqual([6, 7, 9, 12]);
      expect(Object.keys(report.errors[0] ?? {}).sort()).toEqual(['column', 'message', 'row']);

      const human = cli(dir, 'inventory', 'import', inventory('messy-cmms-export.csv'));
      expect(human.code).toBe(2);
      expect(human.stdout).toContain('Nothing was written');
      expect(human.stdout).toContain('row 9, column "IP"');

      const skipped = cli(
        dir,
        'inventory',
        'import',
        inventory('messy-cmms-export.csv'),
        '--skip-invalid',
        '--json',
      );
      expect(skipped.code).toBe(0);
      expect(JSON.parse(skipped.stdout)).toMatchObject({ added: 8, errors: [] });
    },
  );

  it('takes a mapping file for other column names', slow, () => {
    const dir = dataDir();
    const work = tempDir('standalone-cli-files-');
    later(work.cleanup);
    const csvFile = path.join(work.dir, 'odd.csv');
    fs.writeFileSync(csvFile, 'Kennung,Hersteller,Geraet\nX-1,Philips,IntelliVue MX450\n');
    const mappingFile = path.join(work.dir, 'mapping.json');
    fs.writeFileSync(
      mappingFile,
      JSON.stringify({ Kennung: 'assetTag', Hersteller: 'vendor', Geraet: 'model' }),
    );
    const r = cli(dir, 'inventory', 'import', csvFile, '--mapping', mappingFile, '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 1 });
    fs.writeFileSync(mappingFile, JSON.stringify({ Kennung: 'tag' }));
    const bad = cli(dir, 'inventory', 'import', csvFile, '--mapping', mappingFile);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"tag", which is not a device field/);
  });

  it('refuses a binary file with a clear message', slow, () => {
    const dir = dataDir();
    const r = cli(
      dir,
      'inventory',
      'import',
      path
        .join(repoRoot, 'resources/demo/devices.json')
        .replace(
          'devices.json',
          '../../node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        ),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not UTF-8 text|binary/);
  });

  it('imports advisories, matches, prints every match and exports the inventory', slow, () => {
    const dir = dataDir();
    const adv = cli(
      dir,
      'advisory',
      'import',
      csaf('icsma-17-215-01.json'),
      csaf('icsma-17-215-02.json'),
      '--json',
    );
    expect(adv.code).toBe(0);
    expect((JSON.parse(adv.stdout) as { outcome: string }[]).map((r) => r.outcome)).toEqual([
      'imported',
      'imported',
    ]);
    const again = cli(
      dir,
      'advisory',
      'import',
      csaf('icsma-17-215-02.json'),
      path.join(repoRoot, 'package.json'),
    );
    expect(again.code).toBe(2);
    expect(again.stdout).toContain('already stored, unchanged');
    expect(again.stdout).toContain('package.json: REFUSED');
    // The reason in words, and the validator's JSON path and words on a line of their own.
    expect(again.stdout).toContain('the field "document" is missing.');
    expect(again.stdout).toMatch(/\n {4}Details: \/: must have required property 'document'/);

    expect(cli(dir, 'inventory', 'import', inventory('demo-hospital.csv')).code).toBe(0);
    const m = cli(dir, 'match', '--json');
    expect(m.code).toBe(0);
    const { matches, notMatched } = JSON.parse(m.stdout) as {
      matches: Record<string, unknown>[];
      notMatched: { assetTag: string; advisoryId: string; reasons: string[] }[];
    };
    expect(matches).toHaveLength(7);
    // The Windows 7 Siemens devices are not matched to the Windows XP twin, and the output says why.
    const twin = notMatched.find(
      (n) => n.advisoryId === 'ICSMA-17-215-01' && n.assetTag === 'NM-PETCT-01',
    );
    expect(twin?.reasons.join(' ')).toContain('covers Windows XP-based');
    expect(matches[0]).toEqual({
      assetTag: 'NM-SPECT-01',
      advisoryId: 'ICSMA-17-215-01',
      advisoryVersion: '1',
      publisher: 'CISA',
      productName: 'Siemens SPECT Systems: All Windows XP-based versions',
      confidence: 'high',
      status: 'suggested',
      reasons: expect.arrayContaining([
        expect.stringMatching(/^Operating system: the device runs Windows XP/),
      ]) as unknown,
    });

    const work = tempDir('standalone-cli-out-');
    later(work.cleanup);
    const out = path.join(work.dir, 'inventory.csv');
    const exported = cli(dir, 'inventory', 'export', '--format', 'csv', '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('Wrote 35 devices');
    expect(fs.readFileSync(out, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(36);
    const json = cli(dir, 'inventory', 'export', '--format', 'json');
    expect((JSON.parse(json.stdout) as { devices: unknown[] }).devices).toHaveLength(35);
    expect(cli(dir, 'inventory', 'export', '--format', 'xml').code).toBe(2);
  });
});
