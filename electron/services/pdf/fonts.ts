import type FontkitModule from '@pdf-lib/fontkit';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import { resourceProblem } from '../core/resource-integrity';
import { woffToTrueType } from './woff';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * fontkit unpacks its compressed tables when it is loaded (a fifth of the services' start on a
 * loaded machine): it is loaded with the first PDF's fonts, not at every start of the services.
 */
let fontkitModule: typeof FontkitModule | undefined;
const fontkit = (): typeof FontkitModule =>
  (fontkitModule ??= createRequire(import.meta.url)('@pdf-lib/fontkit') as typeof FontkitModule);
type FontkitFont = ReturnType<Fontkit['create']>;

/** One font file: its bytes, the parsed font, and fast metrics. */
export interface FontFile {
  readonly file: string;
  readonly bytes: Buffer;
  readonly font: FontkitFont;
  /** Whether the font has a glyph for this code point. */
  covers(codePoint: number): boolean;
  /** Advance width in thousandths of an em. */
  advance(codePoint: number): number;
}

/** A piece of a line drawn with one font file: the main one, or the fallback for CJK. */
export interface FaceRun {
  text: string;
  fallback: boolean;
}

/**
 * What text is measured and drawn with: the main font, and per glyph a fallback font for the
 * characters the main one lacks (Chinese names). The fallback is read only when a character
 * needs it, so documents without such names never parse it.
 */
export interface FontFace {
  /** Names the face in caches. */
  readonly file: string;
  readonly main: FontFile;
  /** The fallback font, read on first use. */
  fallback(): FontFile;
  /** Whether the main font or the fallback has a glyph for this code point. */
  covers(codePoint: number): boolean;
  /** Advance width in thousandths of an em, from the font that draws the code point. */
  advance(codePoint: number): number;
  /** Printable text (see text.ts) cut where the drawing font changes. */
  runs(text: string): FaceRun[];
}

export interface PdfFonts {
  regular: FontFace;
  bold: FontFace;
  /** The fontkit given to pdf-lib: hands back the already parsed fonts. */
  fontkit: Fontkit;
}

/**
 * DejaVu Sans (Bitstream Vera licence, in resources/fonts next to the files): wide Unicode
 * coverage for Latin, Greek and Cyrillic names; no CJK. Noto Sans SC (SIL Open Font Licence, the
 * Simplified Chinese subset of @fontsource/noto-sans-sc) draws the characters DejaVu lacks.
 */
export const fontFiles = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  cjkRegular: 'NotoSansSC-Regular.woff',
  cjkBold: 'NotoSansSC-Bold.woff',
} as const;

function loadFile(resourcesDir: string, file: string): FontFile {
  const shipped = fs.readFileSync(file);
  // What a signed PDF shows is drawn with these glyphs: only the shipped files are used.
  const refused = resourceProblem(resourcesDir, file, shipped);
  if (refused) throw new Error(refused);
  const bytes = woffToTrueType(shipped);
  const font = fontkit().create(bytes);
  // pdf-lib asks fontkit to lay out every string it measures or draws, running the full
  // OpenType shaper (~1 ms a call with DejaVu's tables). Names and checklist text need only the
  // character-to-glyph map, which is some fifty times faster; no ligatures or kerning are lost
  // that a form needs, and the widths we wrap with are exactly the widths drawn.
  const glyphs = new Map<number, ReturnType<FontkitFont['glyphForCodePoint']>>();
  const glyphOf = (cp: number) => {
    let glyph = glyphs.get(cp);
    if (!glyph) {
      glyph = font.glyphForCodePoint(cp);
      glyphs.set(cp, glyph);
    }
    return glyph;
  };
  // Text reaching pdf-lib is already printable (text.ts): no variation selectors to combine.
  const mapOnly = (text: string) => {
    const out: ReturnType<typeof glyphOf>[] = [];
    for (const ch of text) out.push(glyphOf(ch.codePointAt(0) ?? 0x20));
    return { glyphs: out, positions: [] };
  };
  (font as unknown as { layout: typeof mapOnly }).layout = mapOnly;
  const scale = 1000 / font.unitsPerEm;
  const coverage = new Map<number, boolean>();
  const advances = new Map<number, number>();
  return {
    file,
    bytes,
    font,
    covers(cp) {
      let known = coverage.get(cp);
      if (known === undefined) {
        known = font.hasGlyphForCodePoint(cp);
        coverage.set(cp, known);
      }
      return known;
    },
    advance(cp) {
      let width = advances.get(cp);
      if (width === undefined) {
        width = glyphOf(cp).advanceWidth * scale;
        advances.set(cp, width);
      }
      return width;
    },
  };
}

function readable<T>(dir: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new Error(
      `The PDF fonts could not be read from ${dir} (${(error as Error).message}). ` +
        `The installation is incomplete: reinstall Standalone.`,
    );
  }
}

function face(main: FontFile, loadFallback: () => FontFile): FontFace {
  let fallback: FontFile | undefined;
  const fallbackFile = () => (fallback ??= loadFallback());
  // Line breaks and spaces stay with the main font, so a name's spaces keep DejaVu's width.
  const drawsFallback = (cp: number) => !main.covers(cp) && fallbackFile().covers(cp);
  return {
    file: main.file,
    main,
    fallback: fallbackFile,
    covers: (cp) => main.covers(cp) || fallbackFile().covers(cp),
    advance: (cp) => (drawsFallback(cp) ? fallbackFile().advance(cp) : main.advance(cp)),
    runs(text) {
      const runs: FaceRun[] = [];
      for (const ch of text) {
        const isFallback = drawsFallback(ch.codePointAt(0) ?? 0x20);
        const last = runs.at(-1);
        if (last && last.fallback === isFallback) last.text += ch;
        else runs.push({ text: ch, fallback: isFallback });
      }
      return runs;
    },
  };
}

const loaded = new Map<string, PdfFonts>();

/**
 * The faces from `<resourcesDir>/fonts`, read and parsed once per process: a batch of a
 * thousand PDFs parses the font files once, and each PDF embeds only the glyphs it uses.
 */
export function loadPdfFonts(resourcesDir: string): PdfFonts {
  const dir = path.join(resourcesDir, 'fonts');
  const cached = loaded.get(dir);
  if (cached) return cached;
  const byBytes = new Map<Uint8Array, FontkitFont>();
  const load = (name: string) =>
    readable(dir, () => {
      const file = loadFile(resourcesDir, path.join(dir, name));
      byBytes.set(file.bytes, file.font);
      return file;
    });
  const regular = load(fontFiles.regular);
  const bold = load(fontFiles.bold);
  const fonts: PdfFonts = {
    regular: face(regular, () => load(fontFiles.cjkRegular)),
    bold: face(bold, () => load(fontFiles.cjkBold)),
    fontkit: {
      create: (buffer, postscriptName) =>
        byBytes.get(buffer) ?? fontkit().create(buffer, postscriptName),
    },
  };
  loaded.set(dir, fonts);
  return fonts;
}
