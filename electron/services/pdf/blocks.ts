import { colors, specFor, type Canvas, type TextSpec } from './canvas';
import { tableSpecFor } from './block-tables';
import type { PdfBlock } from './model';
import { drawTable, tableStartHeight } from './table';
import { wrap } from './text';

const headingSpec = (level: 1 | 2): TextSpec => {
  const size = level === 1 ? 12.5 : 10.5;
  return { face: 'bold', size, color: colors.text, leading: size * 1.3 };
};
const headingGap = (level: 1 | 2) =>
  level === 1 ? { before: 12, after: 6 } : { before: 8, after: 3 };
const paragraphSpec = (block: Extract<PdfBlock, { kind: 'paragraph' }>) =>
  specFor(block.style, 9.2, block.tone);
const handFieldsHeight = 38;
const answerLineGap = 19;

/**
 * The least room a block needs to begin on this page: a heading asks for it on behalf of what
 * follows, so that no heading or introduction is left alone at the foot of a page.
 */
function startHeight(
  c: Canvas,
  blocks: readonly PdfBlock[],
  at: number,
  timeZone: string | undefined,
): number {
  const block = blocks[at];
  if (!block) return 0;
  switch (block.kind) {
    case 'heading': {
      const level = block.level ?? 1;
      const spec = headingSpec(level);
      const lines = wrap(block.text, c.face('bold'), spec.size, c.width).length;
      const gap = headingGap(level);
      return (
        gap.before + lines * spec.leading + gap.after + startHeight(c, blocks, at + 1, timeZone)
      );
    }
    case 'paragraph': {
      const spec = paragraphSpec(block);
      const lines = wrap(block.text, c.face(spec.face), spec.size, c.width).length;
      // A short introduction stays whole with what it introduces; a long text may break.
      return lines <= 4
        ? lines * spec.leading + 5 + startHeight(c, blocks, at + 1, timeZone)
        : 3 * spec.leading;
    }
    case 'answerLines':
      return 2 * answerLineGap + 12;
    case 'handFields':
      return handFieldsHeight;
    default: {
      const table = tableSpecFor(block, timeZone, c.words);
      return table ? tableStartHeight(c, table) : 0;
    }
  }
}

function drawLines(c: Canvas, text: string, spec: TextSpec): void {
  for (const line of wrap(text, c.face(spec.face), spec.size, c.width)) {
    c.ensure(spec.leading);
    c.text(line, c.left, c.y - spec.size, spec);
    c.y -= spec.leading;
  }
}

function drawHeading(c: Canvas, block: Extract<PdfBlock, { kind: 'heading' }>, keep: number): void {
  const level = block.level ?? 1;
  const spec = headingSpec(level);
  const gap = headingGap(level);
  c.ensure(Math.min(keep, c.fullPage / 2));
  if (!c.atPageTop) c.y -= gap.before;
  drawLines(c, block.text, spec);
  if (level === 1) c.rule(c.y - 1, colors.rule, 0.8);
  c.y -= gap.after;
}

function drawAnswerLines(c: Canvas, label: string, count: number): void {
  const spec = specFor('bold', 9);
  c.ensure(spec.leading + 2 * answerLineGap);
  drawLines(c, label, spec);
  for (let i = 0; i < Math.max(1, Math.min(count, 30)); i++) {
    c.ensure(answerLineGap);
    c.y -= answerLineGap;
    c.rule(c.y, colors.muted, 0.5);
  }
  c.y -= 10;
}

/** Labelled fields to fill by hand, side by side: the line to write on, the label under it. */
function drawHandFields(c: Canvas, fields: { label: string; weight?: number }[]): void {
  const gutter = 14;
  const total = fields.reduce((n, f) => n + (f.weight ?? 1), 0) || 1;
  const usable = c.width - gutter * Math.max(0, fields.length - 1);
  c.ensure(handFieldsHeight);
  let x = c.left;
  const lineY = c.y - 22;
  const spec = specFor('muted', 7.5);
  for (const f of fields) {
    const w = (usable * (f.weight ?? 1)) / total;
    c.rule(lineY, colors.text, 0.6, x, x + w);
    c.text(wrap(f.label, c.face('regular'), spec.size, w)[0] ?? '', x, lineY - 9, spec);
    x += w + gutter;
  }
  c.y -= handFieldsHeight;
}

/** Draw block `at` of the document at the write position. */
export function drawBlock(
  c: Canvas,
  blocks: readonly PdfBlock[],
  at: number,
  timeZone: string | undefined,
): void {
  const block = blocks[at];
  if (!block) return;
  switch (block.kind) {
    case 'heading':
      return drawHeading(c, block, startHeight(c, blocks, at, timeZone));
    case 'paragraph':
      c.ensure(Math.min(startHeight(c, blocks, at, timeZone), c.fullPage / 2));
      drawLines(c, block.text, paragraphSpec(block));
      c.y -= 5;
      return;
    case 'answerLines':
      return drawAnswerLines(c, block.label, block.lines);
    case 'handFields':
      return drawHandFields(c, block.fields);
    default: {
      const table = tableSpecFor(block, timeZone, c.words);
      if (table) drawTable(c, table);
      c.y -= 8;
    }
  }
}
