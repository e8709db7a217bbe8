import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUpDemoForExports, type DemoExports } from '../../services/pdf/test/demo-exports';
import { pdfsig, pdftotext, qpdfCheck } from '../../services/pdf/independent-tools';
import { cliStation } from '../../services/test/run-cli';
import { writeTampered } from '../../services/pdf/test/tampered';

// The demo walkthrough signs in with PINs (scrypt): seconds on a busy machine.
const slowSetup = 300_000;
const slow = { timeout: 300_000 };

let demo: DemoExports;
const t = cliStation(
  'export',
  async (rt) => {
    demo = await setUpDemoForExports(rt);
  },
  slowSetup,
);

/** `standalone [--json] export KIND` of the demo incident into `file`, signed with the test passphrase. */
function exportDemo(file: string, command: string[], ...options: string[]) {
  return t.cli(
    ...command,
    '--incident',
    String(demo.incidentId),
    ...options,
    '--out',
    file,
    '--passphrase-file',
    t.passFile,
  );
}

describe('standalone export case and export incident', () => {
  it('exports a device case by asset tag that pdfsig, qpdf and verify-pdf accept', slow, () => {
    const file = path.join(t.work.dir, 'NM-0001.pdf');
    const r = exportDemo(file, ['export', 'case'], '--asset-tag', 'NM-0001');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('device case NM-0001 (ICSMA-17-215-02');
    expect(pdfsig(file).signatureLine).toBe('Signature is Valid.');
    expect(qpdfCheck(file).code).toBe(0);
    expect(pdftotext(file)).toContain('Łukasz Wróbel (demo)');
    const verified = t.cli('verify-pdf', file);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^VALID: /);
    expect(verified.stdout).toContain('content matches the database');

    const tampered = writeTampered(file, path.join(t.work.dir, 'tampered.pdf'));
    const bad = t.cli('verify-pdf', tampered);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('[digest_mismatch]');
  });

  it('exports the incident summary (JSON output names the file)', slow, () => {
    const file = path.join(t.work.dir, 'summary.pdf');
    const r = exportDemo(file, ['--json', 'export', 'incident'], '--report', 'summary');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file, report: 'summary' });
    expect(pdfsig(file).signatureLine).toBe('Signature is Valid.');
    expect(pdftotext(file)).toContain('NM-0007');
  });

  it(
    '--lang de: the fixed words of the case and HICS 251 PDFs in German, still verified',
    slow,
    () => {
      const exportTo = (name: string, kind: string, ...options: string[]) => {
        const file = path.join(t.work.dir, name);
        const r = exportDemo(file, ['export', kind], ...options, '--lang', 'de');
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(pdfsig(file).signatureLine).toBe('Signature is Valid.');
        return { file, text: pdftotext(file).replace(/\s+/g, ' ') };
      };
      const deviceCase = exportTo('NM-0001-de.pdf', 'case', '--asset-tag', 'NM-0001');
      // German headings and states; the record (names, advisory) as it was written.
      expect(deviceCase.text).toContain('Gerätefall NM-0001');
      expect(deviceCase.text).toContain('Statusverlauf');
      expect(deviceCase.text).toContain('Seite 1 von');
      expect(deviceCase.text).toContain('Łukasz Wróbel (demo)');
      expect(deviceCase.text).not.toContain('Page 1 of');
      // verify-pdf rebuilds the record in the PDF's own language: the content matches.
      const verified = t.cli('verify-pdf', deviceCase.file);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toContain('content matches the database');

      const hics251 = exportTo('hics251-de.pdf', 'incident', '--report', 'hics251');
      expect(hics251.text).toContain('HICS 251 — Status der Systeme der Einrichtung');
      expect(hics251.text).toContain('Erstellt von');
    },
  );

  it('refuses a language it has no words for (exit 2, nothing written)', slow, () => {
    const file = path.join(t.work.dir, 'french.pdf');
    const r = exportDemo(file, ['export', 'case'], '--asset-tag', 'NM-0001', '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang must be one of en, de; "fr" is not.');
    expect(fs.existsSync(file)).toBe(false);
  });

  it(
    'refuses an unknown report, an unknown device and a missing option (exit 2, nothing written)',
    slow,
    () => {
      const file = path.join(t.work.dir, 'refused.pdf');
      const report = exportDemo(file, ['export', 'incident'], '--report', 'hics999');
      expect(report.code).toBe(2);
      expect(report.stderr).toContain(
        '--report must be one of hics251, hics214, briefing, summary',
      );
      const device = exportDemo(file, ['export', 'case'], '--asset-tag', 'NOPE-1');
      expect(device.code).toBe(2);
      expect(device.stderr).toContain('There is no case for NOPE-1');
      const missing = t.cli('export', 'case', '--asset-tag', 'NM-0001', '--out', file);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--incident ID');
      expect(fs.existsSync(file)).toBe(false);
    },
  );
});
