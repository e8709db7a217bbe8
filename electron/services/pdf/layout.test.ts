import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../test/temp-runtime';
import { loadPdfFonts } from './fonts';
import { misplacedWords, pdfPageCount, pdfWords, pdftotext, qpdfCheck } from './independent-tools';
import type { PdfBlock, PdfDocumentModel } from './model';
import { renderPdf } from './render';
import { printable, wrap } from './text';

const fonts = loadPdfFonts(path.join(repoRoot, 'resources'));
const signer = { subject: 'CN=Test', fingerprintSha256: 'AB:'.repeat(31) + 'AB' };
let out: ReturnType<typeof tempDir>;
beforeAll(() => {
  out = tempDir('standalone-layout-');
});
afterAll(() => out.cleanup());

function model(blocks: PdfBlock[], title = 'Layout test'): PdfDocumentModel {
  return {
    kind: 'test',
    title,
    facility: 'Ørsted Hospital',
    generatedAt: new Date('2026-11-28T08:00:00Z'),
    timeZone: 'Europe/Copenhagen',
    subjects: [],
    auditReference: null,
    signatureReason: 'test',
    blocks,
  };
}

/** Render without signing (the layout is what is under test) and write it for the tools. */
async function render(name: string, blocks: PdfBlock[], title?: string): Promise<string> {
  const { doc } = await renderPdf(model(blocks, title), fonts, signer);
  const file = path.join(out.dir, `${name}.pdf`);
  fs.writeFileSync(file, await doc.save({ useObjectStreams: false }));
  return file;
}

const words = (n: number, seed: string) =>
  Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');

describe('text that must fit the page', () => {
  it('prints a name in any script the fonts have, and code points for what they have not', () => {
    const face = fonts.regular;
    expect(printable('Zürich Łukasz Ørsted Ελληνικά Кирилл', face)).toBe(
      'Zürich Łukasz Ørsted Ελληνικά Кирилл',
    );
    // Chinese from the fallback font; neither font has Hangul or emoji.
    expect(printable('张伟, 김 and 💉', face)).toBe('张伟, [U+AE40] and [U+1F489]');
    expect(face.runs('Wei Zhang (张伟)')).toEqual([
      { text: 'Wei Zhang (', fallback: false },
      { text: '张伟', fallback: true },
      { text: ')', fallback: false },
    ]);
    // Decomposed accents are composed; invisible and control characters dropped.
    expect(printable('Zu\u0308rich\u200B\u0007', face)).toBe('Zürich');
  });

  it('wraps at spaces, keeps paragraph breaks and breaks a word wider than the line', () => {
    const lines = wrap('alpha beta gamma\ndelta ' + 'x'.repeat(200), fonts.regular, 10, 120);
    expect(lines[0]).toBe('alpha beta gamma');
    expect(lines[1]).toBe('delta');
    expect(lines.slice(2).join('')).toBe('x'.repeat(200));
    expect(lines.length).toBeGreaterThan(4);
  });

  it('lays out long paragraphs, a table cell longer than a page and CJK-only text across pages, inside the margins', async () => {
    const giant = words(1500, 'cell');
    const file = await render(
      'long',
      [
        { kind: 'heading', text: 'A heading ' + words(30, 'h') },
        { kind: 'paragraph', text: words(2500, 'word') },
        {
          kind: 'table',
          columns: [
            { header: 'Short', weight: 1 },
            { header: 'Giant', weight: 3 },
          ],
          rows: [
            ['a', giant],
            ['张伟', 'Łukasz'],
          ],
        },
        { kind: 'keyValue', rows: [{ key: 'Empty value', value: '' }] },
        { kind: 'checklist', title: 'Empty checklist', entries: [] },
        { kind: 'signOffs', entries: [] },
        { kind: 'paragraph', text: '张伟李娜王芳'.repeat(40) },
      ],
      'A title long enough to wrap onto a second line of the first page: ' + words(20, 't'),
    );
    expect(qpdfCheck(file).code).toBe(0);
    const pages = pdfPageCount(file);
    expect(pages).toBeGreaterThan(6);
    const placed = pdfWords(file);
    expect(misplacedWords(placed)).toEqual([]);
    const text = pdftotext(file);
    // Nothing lost: the last word of the paragraph and of the giant cell are there.
    expect(text).toContain('word2499');
    expect(text).toContain('cell1499');
    expect(text).toContain('张伟李娜王芳');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // The table's header is repeated on the pages the giant cell runs across.
    const headerPages = new Set(placed.filter((w) => w.text === 'Giant').map((w) => w.page));
    expect(headerPages.size).toBeGreaterThan(1);
  });

  it('never leaves a heading alone at the foot of a page', async () => {
    // Fill a page nearly to the bottom, then a heading and its table.
    const filler: PdfBlock[] = Array.from({ length: 56 }, (_, i) => ({
      kind: 'paragraph',
      text: `Line ${i}`,
    }));
    const file = await render('orphan', [
      ...filler,
      { kind: 'heading', text: 'Kept with its table' },
      { kind: 'checklist', entries: [{ item: 'First item', answer: 'Yes', by: 'Ørsted' }] },
    ]);
    const placed = pdfWords(file);
    const heading = placed.find((w) => w.text === 'Kept');
    const item = placed.find((w) => w.text === 'First');
    expect(heading?.page).toBe(item?.page);
  });

  it('the margin check itself catches text drawn into the footer gap', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('overflow', {
      x: 60,
      y: 62,
      size: 9,
      font: await doc.embedFont(StandardFonts.Helvetica),
    });
    const file = path.join(out.dir, 'negative.pdf');
    fs.writeFileSync(file, await doc.save());
    expect(misplacedWords(pdfWords(file)).map((w) => w.text)).toEqual(['overflow']);
  });
});
