import fontkit from '@pdf-lib/fontkit';
import fs from 'node:fs';
import path from 'node:path';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;

/** One face of the embedded font: its bytes, the parsed font, and fast metrics. */
export interface FontFace {
  readonly file: string;
  readonly bytes: Buffer;
  readonly font: FontkitFont;
  /** Whether the font has a glyph for this code point. */
  covers(codePoint: number): boolean;
  /** Advance width in thousandths of an em. */
  advance(codePoint: number): number;
}

export interface PdfFonts {
  regular: FontFace;
  bold: FontFace;
  /** The fontkit given to pdf-lib: hands back the already parsed faces. */
  fontkit: Fontkit;
}

/**
 * DejaVu Sans (Bitstream Vera licence, in resources/fonts next to the files): wide Unicode
 * coverage for Latin, Greek and Cyrillic names; no CJK.
 */
export const fontFiles = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

function loadFace(file: string): FontFace {
  const bytes = fs.readFileSync(file);
  const font = fontkit.create(bytes);
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

const loaded = new Map<string, PdfFonts>();

/**
 * The two faces from `<resourcesDir>/fonts`, read and parsed once per process: a batch of a
 * thousand PDFs parses the 750 KB font files once, and each PDF embeds only the glyphs it uses.
 */
export function loadPdfFonts(resourcesDir: string): PdfFonts {
  const dir = path.join(resourcesDir, 'fonts');
  const cached = loaded.get(dir);
  if (cached) return cached;
  let regular: FontFace;
  let bold: FontFace;
  try {
    regular = loadFace(path.join(dir, fontFiles.regular));
    bold = loadFace(path.join(dir, fontFiles.bold));
  } catch (error) {
    throw new Error(
      `The PDF fonts could not be read from ${dir} (${(error as Error).message}). ` +
        `The installation is incomplete: reinstall Standalone.`,
    );
  }
  const byBytes = new Map<Uint8Array, FontkitFont>([
    [regular.bytes, regular.font],
    [bold.bytes, bold.font],
  ]);
  const fonts: PdfFonts = {
    regular,
    bold,
    fontkit: {
      create: (buffer, postscriptName) =>
        byBytes.get(buffer) ?? fontkit.create(buffer, postscriptName),
    },
  };
  loaded.set(dir, fonts);
  return fonts;
}
