import {
  beginText,
  endText,
  moveText,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import type { FontFace, PdfFonts } from './fonts';
import type { TextStyle, Tone } from './model';
import { fitLine, widthOf } from './text';
import type { PdfWords } from './words';

/** A4 portrait, in points. */
export const pageSize: [number, number] = [595.28, 841.89];
export const margin = { left: 48, right: 48, top: 50, bottom: 74 } as const;

export const colors = {
  text: rgb(0.1, 0.11, 0.13),
  muted: rgb(0.36, 0.38, 0.43),
  rule: rgb(0.78, 0.8, 0.84),
  faint: rgb(0.9, 0.91, 0.93),
  fill: rgb(0.94, 0.95, 0.97),
  ok: rgb(0.05, 0.45, 0.18),
  warn: rgb(0.62, 0.36, 0),
  bad: rgb(0.7, 0.08, 0.08),
} as const;

export function toneColor(tone: Tone | undefined, fallback: RGB = colors.text): RGB {
  return tone ? colors[tone] : fallback;
}

interface TextRun {
  text: string;
  x: number;
  y: number;
  face: 'regular' | 'bold';
  size: number;
  color: RGB;
}

/** How each text style is set: face, size, colour, line height. */
export interface TextSpec {
  face: 'regular' | 'bold';
  size: number;
  color: RGB;
  leading: number;
}

export function specFor(style: TextStyle | undefined, size = 9, tone?: Tone): TextSpec {
  switch (style ?? 'regular') {
    case 'bold':
      return { face: 'bold', size, color: toneColor(tone), leading: size * 1.32 };
    case 'muted':
      return { face: 'regular', size, color: toneColor(tone, colors.muted), leading: size * 1.32 };
    case 'small':
      return {
        face: 'regular',
        size: size * 0.86,
        color: toneColor(tone, colors.muted),
        leading: size * 0.86 * 1.32,
      };
    default:
      return { face: 'regular', size, color: toneColor(tone), leading: size * 1.32 };
  }
}

/**
 * The pages and the write position: blocks ask for room with `ensure` and move `y` down;
 * a new page gets the running header. Everything is drawn between the margins.
 */
export class Canvas {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  readonly left: number = margin.left;
  readonly right: number = pageSize[0] - margin.right;
  readonly width = pageSize[0] - margin.left - margin.right;
  readonly bottom = margin.bottom;
  readonly top = pageSize[1] - margin.top;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
    readonly pdfFonts: { regular: PDFFont; bold: PDFFont },
    private readonly runningHeader: { title: string; facility: string },
    /** The fixed words in the document's language. */
    readonly words: PdfWords,
  ) {}

  face(name: 'regular' | 'bold'): FontFace {
    return this.fonts[name];
  }

  /** Room left on this page, in points. */
  get space(): number {
    return this.y - this.bottom;
  }

  /** Room on a fresh page (after its running header). */
  get fullPage(): number {
    return this.top - 26 - this.bottom;
  }

  /** Whether nothing has been drawn below the header of this page yet. */
  get atPageTop(): boolean {
    return this.pages.length > 0 && this.y >= this.pageStart - 0.5;
  }

  private pageStart = 0;

  addPage(): void {
    this.page = this.doc.addPage(pageSize);
    this.pages.push(this.page);
    this.y = this.top;
    if (this.pages.length > 1) this.drawRunningHeader();
    this.pageStart = this.y;
  }

  /** Start a new page unless `height` fits here (or this page is still empty). */
  ensure(height: number): void {
    if (height > this.space && !this.atPageTop) this.addPage();
  }

  private drawRunningHeader(): void {
    const half = this.width / 2 - 8;
    const title = fitLine(this.runningHeader.title, this.fonts.bold, 8, half);
    this.text(title.text, this.left, this.y - 8, {
      face: 'bold',
      size: title.size,
      color: colors.muted,
    });
    const facility = fitLine(this.runningHeader.facility, this.fonts.regular, 8, half);
    this.textRight(facility.text, this.right, this.y - 8, {
      face: 'regular',
      size: facility.size,
      color: colors.muted,
    });
    this.rule(this.y - 14, colors.rule, 0.6);
    this.y -= 26;
  }

  /** Draw printable text (see text.ts) with its baseline at y (written out by `finish`). */
  text(text: string, x: number, y: number, spec: Pick<TextSpec, 'face' | 'size' | 'color'>): void {
    if (!text) return;
    let runs = this.runs.get(this.page);
    if (!runs) {
      runs = [];
      this.runs.set(this.page, runs);
    }
    runs.push({ text, x, y, face: spec.face, size: spec.size, color: spec.color });
  }

  private readonly runs = new Map<PDFPage, TextRun[]>();

  /**
   * Write each page's text as one text object, setting font and colour only when they change.
   * pdf-lib's drawText wraps every line in its own graphics state, font, colour and matrix:
   * several times the operators, and most of the rendering time of a long document. The
   * fallback fonts are embedded only when some text needs them.
   */
  async finish(): Promise<void> {
    const fallbackFonts = new Map<'regular' | 'bold', PDFFont>();
    for (const runs of this.runs.values()) {
      for (const run of runs) {
        if (fallbackFonts.has(run.face)) continue;
        const face = this.fonts[run.face];
        if (face.runs(run.text).some((r) => r.fallback)) {
          fallbackFonts.set(
            run.face,
            await this.doc.embedFont(face.fallback().bytes, { subset: true }),
          );
        }
      }
    }
    for (const [page, runs] of this.runs) {
      const keys = new Map<PDFFont, PDFName>();
      const keyOf = (font: PDFFont) => {
        let key = keys.get(font);
        if (!key) {
          key = page.node.newFontDictionary(font.name, font.ref);
          keys.set(font, key);
        }
        return key;
      };
      const ops: PDFOperator[] = [beginText()];
      let font: PDFFont | undefined;
      let size = 0;
      let color: RGB | undefined;
      let atX = 0;
      let atY = 0;
      for (const run of runs) {
        if (run.color !== color) {
          ops.push(setFillingRgbColor(run.color.red, run.color.green, run.color.blue));
          color = run.color;
        }
        // Td moves from the start of the previous line, not from where its text ended; each
        // piece shown after it continues where the one before ended.
        ops.push(moveText(run.x - atX, run.y - atY));
        atX = run.x;
        atY = run.y;
        for (const piece of this.fonts[run.face].runs(run.text)) {
          const drawing =
            (piece.fallback ? fallbackFonts.get(run.face) : undefined) ?? this.pdfFonts[run.face];
          if (drawing !== font || run.size !== size) {
            ops.push(setFontAndSize(keyOf(drawing), run.size));
            font = drawing;
            size = run.size;
          }
          ops.push(showText(drawing.encodeText(piece.text)));
        }
      }
      ops.push(endText());
      page.pushOperators(...ops);
    }
    this.runs.clear();
  }

  textRight(
    text: string,
    right: number,
    y: number,
    spec: Pick<TextSpec, 'face' | 'size' | 'color'>,
  ): void {
    const w = widthOf(text, this.fonts[spec.face], spec.size);
    this.text(text, right - w, y, spec);
  }

  rule(
    y: number,
    color: RGB = colors.rule,
    thickness = 0.5,
    from = this.left,
    to = this.right,
  ): void {
    this.page.drawLine({ start: { x: from, y }, end: { x: to, y }, thickness, color });
  }

  box(
    x: number,
    y: number,
    width: number,
    height: number,
    options: { fill?: RGB; border?: RGB; borderWidth?: number },
  ): void {
    this.page.drawRectangle({
      x,
      y,
      width,
      height,
      ...(options.fill ? { color: options.fill } : {}),
      ...(options.border
        ? { borderColor: options.border, borderWidth: options.borderWidth ?? 0.6 }
        : {}),
    });
  }
}
