import zlib from 'node:zlib';

/**
 * A WOFF font (version 1) as the plain TrueType file it wraps, read once when the font is
 * loaded. fontkit reads WOFF itself, but it inflates the whole `glyf` table again for every glyph
 * a subset takes (megabytes for a CJK font), and it copies each glyph's bytes as they are: the
 * CJK fonts have odd-length glyph records, which a subset's short `loca` table cannot address,
 * so the last byte of a glyph went missing and PDF readers drew nothing. Here every table is
 * inflated once and every glyph record padded to an even length.
 */
export function woffToTrueType(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const tag = woff.toString('latin1', at, at + 4);
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const data = woff.subarray(offset, offset + compressed);
    tables.set(tag, compressed < length ? zlib.inflateSync(data) : Buffer.from(data));
  }
  padGlyphs(tables);
  return sfnt(flavor, tables);
}

/** Each glyph record at an even offset, with a long `loca` (offsets in bytes). */
function padGlyphs(tables: Map<string, Buffer>): void {
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) return;
  const glyphs = maxp.readUInt16BE(4);
  const long = head.readInt16BE(50) === 1;
  const offsetOf = (i: number) => (long ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  const pieces: Buffer[] = [];
  const newLoca = Buffer.alloc((glyphs + 1) * 4);
  let at = 0;
  for (let i = 0; i < glyphs; i++) {
    const piece = glyf.subarray(offsetOf(i), offsetOf(i + 1));
    newLoca.writeUInt32BE(at, i * 4);
    pieces.push(piece);
    at += piece.length;
    if (piece.length % 2) {
      pieces.push(Buffer.alloc(1));
      at += 1;
    }
  }
  newLoca.writeUInt32BE(at, glyphs * 4);
  const newHead = Buffer.from(head);
  newHead.writeInt16BE(1, 50);
  tables.set('head', newHead);
  tables.set('loca', newLoca);
  tables.set('glyf', Buffer.concat(pieces));
}

function checksum(table: Buffer): number {
  const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function sfnt(flavor: number, tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const power = 2 ** Math.floor(Math.log2(tags.length));
  const header = Buffer.alloc(12 + tags.length * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(tags.length, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(tags.length * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const table = tables.get(tag) ?? Buffer.alloc(0);
    const at = 12 + i * 16;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(checksum(table), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.length, at + 12);
    const padding = (4 - (table.length % 4)) % 4;
    bodies.push(table, Buffer.alloc(padding));
    offset += table.length + padding;
  });
  return Buffer.concat([header, ...bodies]);
}
