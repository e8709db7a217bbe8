import { colors, specFor, type Canvas } from './canvas';
import type { CellPart, TableCell, TableColumn } from './model';
import { fitLine, widthOf, wrap } from './text';

/** The smallest piece of a cell that is never split across pages: a line, a row of boxes. */
interface Unit {
  height: number;
  draw(c: Canvas, x: number, top: number): void;
}

const pad = { x: 4, y: 3.5 } as const;
const boxSide = 8;

function textUnits(
  c: Canvas,
  part: Extract<CellPart, { text: string }>,
  width: number,
  size: number,
): Unit[] {
  const spec = specFor(part.style, size, part.tone);
  const face = c.face(spec.face);
  return wrap(part.text, face, spec.size, width).map((line) => ({
    height: spec.leading,
    draw: (cv, x, top) =>
      cv.text(line, x, top - spec.size * 0.98 - (spec.leading - spec.size * 1.16) / 2, spec),
  }));
}

/** Boxes to tick by hand, each with its label: side by side while they fit, else one per line
 * with the label wrapped beside its box (a paper form must show every option in full). */
function boxUnits(c: Canvas, options: string[], width: number, size: number): Unit[] {
  const spec = specFor('regular', size);
  const face = c.face('regular');
  const boxLine = size * 1.7;
  const textWidth = Math.max(10, width - boxSide - 3);
  type Line = { height: number; marks: { label: string; offset: number; box: boolean }[] };
  const lines: Line[] = [];
  let x = 0;
  for (const option of options.length ? options : ['']) {
    const labels = wrap(option, face, size, textWidth);
    const first = labels[0] ?? '';
    const w = boxSide + (first ? 3 + widthOf(first, face, size) : 0);
    const current = lines.at(-1);
    if (labels.length === 1 && current && current.marks.length > 0 && x + w <= width && x > 0) {
      current.marks.push({ label: first, offset: x, box: true });
      x += w + 10;
      continue;
    }
    lines.push({ height: boxLine, marks: [{ label: first, offset: 0, box: true }] });
    for (const more of labels.slice(1)) {
      lines.push({ height: size * 1.3, marks: [{ label: more, offset: 0, box: false }] });
    }
    // A wrapped option takes its lines alone; a short one leaves room beside it.
    x = labels.length === 1 ? w + 10 : width + 1;
  }
  return lines.map((line) => ({
    height: line.height,
    draw: (cv, left, top) => {
      const boxTop = top - (boxLine - boxSide) / 2;
      for (const { label, offset, box } of line.marks) {
        if (box) {
          cv.box(left + offset, boxTop - boxSide, boxSide, boxSide, {
            border: colors.text,
            borderWidth: 0.7,
          });
          cv.text(label, left + offset + boxSide + 3, boxTop - boxSide + 1, spec);
        } else {
          cv.text(label, left + offset + boxSide + 3, top - size * 1.05, spec);
        }
      }
    },
  }));
}

/** A labelled line to write on, as wide as the cell. */
function writeInUnit(c: Canvas, label: string, width: number, size: number): Unit {
  const spec = specFor('muted', size * 0.86);
  const line = fitLine(label, c.face('regular'), spec.size, width * 0.45);
  const labelWidth = widthOf(line.text, c.face('regular'), line.size);
  const height = size * 2;
  return {
    height,
    draw: (cv, x, top) => {
      const baseline = top - height + 4;
      cv.text(line.text, x, baseline, { ...spec, size: line.size });
      cv.rule(baseline - 1.5, colors.muted, 0.5, x + labelWidth + 3, x + width);
    },
  };
}

function cellUnits(c: Canvas, cell: TableCell, width: number, size: number): Unit[] {
  const parts: CellPart[] = typeof cell === 'string' ? [{ text: cell }] : cell;
  return parts.flatMap((part) => {
    if ('boxes' in part) return boxUnits(c, part.boxes, width, size);
    if ('writeIn' in part) return [writeInUnit(c, part.writeIn, width, size)];
    return textUnits(c, part, width, size);
  });
}

export interface TableSpec {
  columns: TableColumn[];
  rows: TableCell[][];
  header: boolean;
  size?: number;
}

function prepare(c: Canvas, t: TableSpec) {
  const size = t.size ?? 8.6;
  const total = t.columns.reduce((n, col) => n + col.weight, 0) || 1;
  const widths = t.columns.map((col) => (c.width * col.weight) / total);
  const layout = (cells: TableCell[]) =>
    widths.map((w, i) => cellUnits(c, cells[i] ?? '', w - 2 * pad.x, size));
  const heightOf = (cells: Unit[][]) =>
    Math.max(0, ...cells.map((units) => units.reduce((n, u) => n + u.height, 0))) + 2 * pad.y;
  const header = t.header
    ? layout(t.columns.map((col) => [{ text: col.header, style: 'bold' as const }]))
    : null;
  return { widths, layout, heightOf, header, headerHeight: header ? heightOf(header) : 0 };
}

/** The room a table needs to start: its header and first row (to keep a heading with it). */
export function tableStartHeight(c: Canvas, t: TableSpec): number {
  const { layout, heightOf, headerHeight } = prepare(c, t);
  const first = t.rows[0];
  return headerHeight + (first ? Math.min(heightOf(layout(first)), c.fullPage / 3) : 0);
}

/**
 * A table across as many pages as it needs: rows wrap their text, a row that does not fit moves
 * to the next page with the header repeated, and a row taller than a whole page is split
 * between lines. Nothing is drawn below the bottom margin.
 */
export function drawTable(c: Canvas, t: TableSpec): void {
  const { widths, layout, heightOf, header, headerHeight } = prepare(c, t);

  const drawRow = (cells: Unit[][], fill?: boolean) => {
    const height = heightOf(cells);
    if (fill) c.box(c.left, c.y - height, c.width, height, { fill: colors.fill });
    let x = c.left;
    cells.forEach((units, i) => {
      let top = c.y - pad.y;
      for (const u of units) {
        u.draw(c, x + pad.x, top);
        top -= u.height;
      }
      x += widths[i] ?? 0;
    });
    c.y -= height;
    c.rule(c.y, fill ? colors.rule : colors.faint, fill ? 0.7 : 0.5);
  };
  let needHeader = header !== null;
  const drawHeaderIfNeeded = () => {
    if (header && needHeader) drawRow(header, true);
    needHeader = false;
  };
  const newPage = () => {
    c.addPage();
    needHeader = header !== null;
  };

  for (const row of t.rows) {
    const cells = layout(row);
    const height = heightOf(cells);
    const headerCost = needHeader ? headerHeight : 0;
    if (height + headerCost > c.space && !c.atPageTop && height + headerHeight <= c.fullPage) {
      newPage();
    }
    if (height + (needHeader ? headerHeight : 0) <= c.space) {
      drawHeaderIfNeeded();
      drawRow(cells);
      continue;
    }
    splitRow(cells);
  }

  /** A row taller than a page: draw the lines that fit, continue on the next page. */
  function splitRow(cells: Unit[][]): void {
    const next = cells.map(() => 0);
    const remaining = () => cells.some((units, i) => (next[i] ?? 0) < units.length);
    while (remaining()) {
      const smallest = Math.min(
        ...cells.flatMap((units, i) =>
          units[next[i] ?? 0] ? [units[next[i] ?? 0]?.height ?? 0] : [],
        ),
      );
      if (smallest + 2 * pad.y + (needHeader ? headerHeight : 0) > c.space && !c.atPageTop) {
        newPage();
      }
      drawHeaderIfNeeded();
      const room = c.space - 2 * pad.y;
      const chunk = cells.map((units, i) => {
        const taken: Unit[] = [];
        let used = 0;
        for (let k = next[i] ?? 0; k < units.length; k++) {
          const u = units[k] as Unit;
          if (used + u.height > room && taken.length + used > 0) break;
          taken.push(u);
          used += u.height;
        }
        next[i] = (next[i] ?? 0) + taken.length;
        return taken;
      });
      drawRow(chunk);
      if (remaining()) newPage();
    }
  }
}
