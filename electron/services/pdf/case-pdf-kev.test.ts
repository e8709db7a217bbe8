import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../test/temp-runtime';
import { demoCase, operator } from './test/demo-exports';
import { demoExportsPerFile } from './test/demo-exports-per-file';
import { pdfsig, pdftoppm, pdftotext } from './independent-tools';
import { verifyPdf } from './verify';

/**
 * The case PDF says which of the advisory's CVEs CISA's KEV catalog lists as exploited, and
 * which catalog version it used: the one current when the PDF was generated, so a catalog
 * imported later leaves an exported PDF verifiable. The real catalog from the fixtures.
 */

const kevFile = path.join(repoRoot, '../shared/fixtures/kev/known_exploited_vulnerabilities.json');

const files = new Map<string, string>();
const t = demoExportsPerFile('standalone-kev-pdf-', async ({ rt }) => {
  await exportCase('before');
  rt.clock.advance(60_000);
  await rt.client(operator).value('threats.importKev', {
    fileName: path.basename(kevFile),
    content: fs.readFileSync(kevFile, 'utf8'),
  });
  rt.clock.advance(60_000);
  await exportCase('after');
  await exportCase('after-german', 'de');
});

async function exportCase(name: string, language?: 'de'): Promise<void> {
  const pdf = await t.rt.client(operator).value('exports.casePdf', {
    caseId: demoCase(t.demo, 'NM-0001'),
    ...(language ? { language } : {}),
  });
  const file = path.join(t.out.dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  files.set(name, file);
}

const text = (name: string) => pdftotext(files.get(name) ?? '').replace(/\s+/g, ' ');

describe('KEV status on the case PDF', () => {
  it('names the catalog version used and the known exploited CVE of ICSMA-17-215-02', () => {
    const after = text('after');
    expect(after).toContain('Known exploited vulnerabilities (CISA KEV)');
    expect(after).toContain('KEV catalog used 2025.08.25 (released 2025-08-25)');
    expect(after).toMatch(/CVE-2015-1635 known exploited since \d{4}-\d{2}-\d{2}/);
  });

  it('reads in German on a German station', () => {
    const german = text('after-german');
    expect(german).toContain('Bekannt ausgenutzte Schwachstellen (CISA KEV)');
    expect(german).toContain('Verwendeter KEV-Katalog 2025.08.25');
    expect(german).toMatch(/CVE-2015-1635 bekannt ausgenutzt seit \d{4}-\d{2}-\d{2}/);
  });

  it('renders the German PDF with pdftoppm into test-results/pdf-kev/, for a person to look at', () => {
    const pagesDir = path.join(repoRoot, 'test-results', 'pdf-kev');
    fs.rmSync(pagesDir, { recursive: true, force: true });
    expect(
      pdftoppm(files.get('after-german') ?? '', pagesDir, 'case-kev-de').length,
    ).toBeGreaterThan(0);
  });

  it('says plainly when no catalog had been imported', () => {
    expect(text('before')).toContain(
      'No KEV catalog had been imported when this PDF was generated',
    );
  });

  it.each(['before', 'after', 'after-german'])(
    'the %s PDF is signed and verify-pdf finds its content matching the record as of then',
    async (name) => {
      const file = files.get(name) ?? '';
      expect(pdfsig(file).signatureLine).toBe('Signature is Valid.');
      const report = await verifyPdf(t.rt.services, fs.readFileSync(file));
      expect(report.problems).toEqual([]);
      expect(report.content).toMatchObject({ checked: true, matches: true });
    },
  );
});
