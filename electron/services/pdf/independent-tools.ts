/**
 * For tests: poppler's pdfsig, pdftotext and pdftoppm and qpdf, tools that share no code with
 * the app, run on the PDFs it makes. CI installs them (.ci/run).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { margin, pageSize } from './canvas';

function run(
  tool: string,
  args: string[],
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error)
    throw new Error(`${tool} could not run (${r.error.message}); install poppler-utils and qpdf`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** pdfsig exits 0 even when a signature is broken: the verdict is in its output. */
export function pdfsig(file: string): {
  output: string;
  signatureLine: string;
  certificateLine: string;
} {
  const { stdout, stderr } = run('pdfsig', [file]);
  const output = stdout + stderr;
  return {
    output,
    signatureLine: /Signature Validation: (.*)/.exec(output)?.[1]?.trim() ?? '',
    certificateLine: /Certificate Validation: (.*)/.exec(output)?.[1]?.trim() ?? '',
  };
}

export function qpdfCheck(file: string): { code: number | null; output: string } {
  const { code, stdout, stderr } = run('qpdf', ['--check', file]);
  return { code, output: stdout + stderr };
}

export function pdftotext(file: string): string {
  return run('pdftotext', ['-enc', 'UTF-8', file, '-']).stdout;
}

export interface PlacedWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box, in points from the page's top-left corner. */
export function pdfWords(file: string): PlacedWord[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']).stdout;
  const words: PlacedWord[] = [];
  let page = 0;
  for (const m of html.matchAll(
    /<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[0].startsWith('<page')) {
      page++;
      continue;
    }
    words.push({
      page,
      text: m[5] ?? '',
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    });
  }
  return words;
}

/**
 * Words outside where the layout may put them: beyond the side margins, off the page, or in the
 * gap between the body and the footer (body text that ran past the bottom margin).
 */
export function misplacedWords(words: PlacedWord[]): PlacedWord[] {
  const [width, height] = pageSize;
  const bodyBottom = height - margin.bottom + 1;
  const footerTop = height - margin.bottom + 14;
  return words.filter(
    (w) =>
      w.xMin < margin.left - 1 ||
      w.xMax > width - margin.right + 1 ||
      w.yMin < margin.top - 4 ||
      w.yMax > height - 20 ||
      (w.yMax > bodyBottom && w.yMin < footerTop),
  );
}

/** Render pages as PNG (for a person to look at; the test counts them). */
export function pdftoppm(file: string, outDir: string, prefix: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  run('pdftoppm', ['-png', '-r', '60', file, path.join(outDir, prefix)]);
  return fs.readdirSync(outDir).filter((f) => f.startsWith(prefix) && f.endsWith('.png'));
}

export function pdfPageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).stdout)?.[1] ?? 0);
}
