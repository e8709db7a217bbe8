import { formatDateTimeWithOffset } from '../../api/clock';
import type { FontFace } from './fonts';
import type { PdfTime } from './model';

/** Invisible or layout-only characters that would print as boxes: dropped. */
const invisibleRanges: [number, number][] = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x200b, 0x200f], // zero-width spaces and joiners, direction marks
  [0x202a, 0x202e], // bidi embeddings
  [0x2060, 0x2064], // word joiner, invisible operators
  [0x2066, 0x2069], // bidi isolates
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // byte-order mark
];
const isInvisible = (cp: number) => invisibleRanges.some(([from, to]) => cp >= from && cp <= to);
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function hex(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Text as the face can print it. Line breaks become `\n`, tabs spaces, invisible and control
 * characters go. A run of characters neither the main font nor its fallback has a glyph for
 * (Hangul, most emoji) is printed as its code points, `[U+AE40]`: unambiguous, searchable,
 * never a crash or a silent blank, and the name can still be read back exactly from the record.
 */
export function printable(text: string, face: FontFace): string {
  const clean = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(controls, '');
  let out = '';
  let missing: string[] = [];
  for (const ch of clean) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isInvisible(cp)) continue;
    if (ch === '\n' || face.covers(cp)) {
      if (missing.length) {
        out += `[${missing.join(' ')}]`;
        missing = [];
      }
      out += ch;
    } else {
      missing.push(`U+${hex(cp)}`);
    }
  }
  if (missing.length) out += `[${missing.join(' ')}]`;
  return out;
}

/** Width in points of printable text (no newlines) at `size`. */
export function widthOf(text: string, face: FontFace, size: number): number {
  let total = 0;
  for (const ch of text) total += face.advance(ch.codePointAt(0) ?? 32);
  return (total * size) / 1000;
}

/** Break a word that alone is wider than the line, character by character. */
function breakWord(word: string, face: FontFace, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let width = 0;
  for (const ch of word) {
    const w = (face.advance(ch.codePointAt(0) ?? 32) * size) / 1000;
    if (piece && width + w > maxWidth) {
      pieces.push(piece);
      piece = '';
      width = 0;
    }
    piece += ch;
    width += w;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Lines of at most `maxWidth` points: greedy, at spaces, keeping paragraph breaks; a word wider
 * than the line is broken inside. Returns printable text (see `printable`).
 */
export function wrap(text: string, face: FontFace, size: number, maxWidth: number): string[] {
  // The same labels and names recur on every page and in every PDF of a batch.
  const key = `${face.file}|${size}|${maxWidth}|${text}`;
  const cached = wrapCache.get(key);
  if (cached) return cached;
  if (wrapCache.size > 20_000) wrapCache.clear();
  const lines = wrapUncached(text, face, size, maxWidth);
  wrapCache.set(key, lines);
  return lines;
}

const wrapCache = new Map<string, string[]>();

function wrapUncached(text: string, face: FontFace, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  const space = widthOf(' ', face, size);
  for (const paragraph of printable(text, face).split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      const w = widthOf(word, face, size);
      if (line && lineWidth + space + w <= maxWidth) {
        line += ' ' + word;
        lineWidth += space + w;
        continue;
      }
      if (line) lines.push(line);
      if (w <= maxWidth) {
        line = word;
        lineWidth = w;
      } else {
        const pieces = breakWord(word, face, size, maxWidth);
        line = pieces.pop() ?? '';
        lines.push(...pieces);
        lineWidth = widthOf(line, face, size);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** One line that fits `maxWidth`: shrunk down to `minSize`, then cut with an ellipsis. */
export function fitLine(
  text: string,
  face: FontFace,
  size: number,
  maxWidth: number,
  minSize = size * 0.8,
): { text: string; size: number } {
  const line = printable(text, face).replace(/\n/g, ' ');
  const width = widthOf(line, face, size);
  if (width <= maxWidth) return { text: line, size };
  const shrunk = Math.max(minSize, (size * maxWidth) / width);
  if (widthOf(line, face, shrunk) <= maxWidth) return { text: line, size: shrunk };
  let cut = line;
  while (cut && widthOf(cut + '…', face, minSize) > maxWidth) cut = cut.slice(0, -1);
  return { text: cut + '…', size: minSize };
}

/** `2026-11-28 09:00 UTC+01:00`: unambiguous across locales, in the facility's zone. */
const formatted = new Map<string, string>();

export function formatTime(time: PdfTime, timeZone = 'UTC'): string {
  if (typeof time === 'string') return time;
  const key = `${time.getTime()}|${timeZone}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 20_000) formatted.clear();
    text = formatDateTimeWithOffset(time, timeZone);
    formatted.set(key, text);
  }
  return text;
}
