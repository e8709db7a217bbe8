import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hics214Report, Hics251Report } from '../../api/domains/reports';
import { tempDir } from '../../services/test/temp-runtime';
import { csvAnchorPrefix } from '../../services/audit/anchor-files';
import { runCliSync } from '../../services/test/run-cli';

const data = tempDir('standalone-cli-reports-');
afterAll(() => data.cleanup());

/** The real CLI in its own process, on this file's data folder. */
const cli = (...args: string[]) => runCliSync(data.dir, args);

beforeAll(() => {
  expect(cli('demo', 'load').code).toBe(0);
  expect(cli('demo', 'walkthrough').code).toBe(0);
});

describe('standalone report', () => {
  it('prints HICS 251 as text and as the JSON model', () => {
    const text = cli('report', '--incident', '1', '--report', 'hics251');
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('HICS 251 Facility System Status');
    expect(text.stdout).toContain('Incident: ICSMA-17-215-02 response (1, open)');
    expect(text.stdout).toMatch(/Partially functional\s+Siemens .+ \(asset NM-0006\)/);

    const json = cli('report', '--incident', '1', '--report', 'hics251', '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Hics251Report;
    expect(report.rows).toHaveLength(8);
    expect(report.totals).toEqual({
      fully_functional: 7,
      partially_functional: 1,
      non_functional: 0,
    });
    expect(report.header.preparedBy.role).toBe('operator');
  });

  it('writes the HICS 214 activity log as CSV to a file', () => {
    const file = path.join(data.dir, 'hics214.csv');
    const r = cli(
      '--json',
      'report',
      '--incident',
      '1',
      '--report',
      'hics214',
      '--format',
      'csv',
      '--out',
      file,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file, report: 'hics214', format: 'csv' });
    const csv = fs.readFileSync(file, 'utf8');
    expect(
      csv.startsWith('\uFEFFName,Position,Time,Notable activity,Asset tag,Audit event\r\n'),
    ).toBe(true);
    expect(csv).toContain('Dr. Amara Okafor (demo),Clinical lead,');
    expect(csv).toContain('Signed off patient safety for NM-0001');

    const json = cli('report', '--incident', '1', '--report', 'hics214', '--format', 'json');
    const log = JSON.parse(json.stdout) as Hics214Report;
    // The header, one row per activity, and the signed chain head as the last line.
    const lines = csv.trimEnd().split('\r\n');
    expect(lines.at(-1)?.startsWith(csvAnchorPrefix)).toBe(true);
    expect(lines.filter((l) => !l.startsWith(csvAnchorPrefix))).toHaveLength(log.activityCount + 1);
  });

  it('prints the briefing and the timeline, and refuses bad input with exit 2', () => {
    const briefing = cli('report', '--incident', '1', '--report', 'briefing');
    expect(briefing.code).toBe(0);
    expect(briefing.stdout).toContain('Objectives');
    expect(briefing.stdout).toMatch(/8 device cases under 2 advisories/);
    const timeline = cli('report', '--incident', '1', '--report', 'timeline');
    expect(timeline.code).toBe(0);
    expect(timeline.stdout).toContain(
      'Opened the incident "ICSMA-17-215-02 response" with 8 cases',
    );

    const badKind = cli('report', '--incident', '1', '--report', 'hics999');
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain(
      '--report must be one of hics251, hics214, briefing, timeline',
    );
    const missing = cli('report', '--incident', '42', '--report', 'hics251');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Incident 42');
  });
});
