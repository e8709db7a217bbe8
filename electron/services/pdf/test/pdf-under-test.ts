import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestRuntime, tempDir, type TestRuntime } from '../../test/temp-runtime';
import {
  misplacedWords,
  pdfPageCount,
  pdfWords,
  pdfsig,
  pdftoppm,
  qpdfCheck,
} from '../independent-tools';

export interface PdfUnderTest {
  rt: TestRuntime;
  /** The folder the PDF (and anything the tests render from it) is written to. */
  out: ReturnType<typeof tempDir>;
  pdf: Buffer;
  /** The PDF as a file, for the independent tools. */
  file: string;
}

/**
 * One PDF for a test file's checks: made before its tests on a fresh runtime by `make`, written
 * to a temp folder as `<name>.pdf`; the runtime and the folder are removed after the tests.
 */
export function pdfUnderTest(
  name: string,
  make: (rt: TestRuntime) => Promise<Buffer>,
): PdfUnderTest {
  const t = {} as PdfUnderTest;
  beforeAll(async () => {
    t.rt = startTestRuntime();
    t.out = tempDir(`standalone-${name}-pdf-`);
    t.pdf = await make(t.rt);
    t.file = path.join(t.out.dir, `${name}.pdf`);
    fs.writeFileSync(t.file, t.pdf);
  }, 180_000);
  afterAll(() => {
    t.rt.cleanup();
    t.out.cleanup();
  });
  return t;
}

/**
 * What every signed PDF the app makes must pass with the independent tools: a valid signature
 * (pdfsig), no errors (qpdf), every word inside the margins, every page rendered (pdftoppm).
 */
export function expectSoundSignedPdf({ file, out }: PdfUnderTest): void {
  expect(pdfsig(file).signatureLine).toBe('Signature is Valid.');
  expect(qpdfCheck(file).code).toBe(0);
  expect(misplacedWords(pdfWords(file))).toEqual([]);
  const name = path.basename(file, '.pdf');
  expect(pdftoppm(file, path.join(out.dir, 'pages'), name)).toHaveLength(pdfPageCount(file));
}
