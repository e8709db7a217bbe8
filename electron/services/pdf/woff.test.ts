import fontkit from '@pdf-lib/fontkit';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../test/temp-runtime';
import { fontFiles } from './fonts';
import { woffToTrueType } from './woff';

type Font = ReturnType<typeof fontkit.create>;
interface Subset {
  includeGlyph(glyph: unknown): number;
  encodeStream(): {
    on(event: string, listener: (data: Uint8Array) => void): ReturnType<Subset['encodeStream']>;
  };
}

const woff = fs.readFileSync(path.join(repoRoot, 'resources', 'fonts', fontFiles.cjkRegular));

/** The table `tag` of a TrueType file. */
function table(ttf: Buffer, tag: string): Buffer {
  for (let i = 0; i < ttf.readUInt16BE(4); i++) {
    const at = 12 + i * 16;
    if (ttf.toString('latin1', at, at + 4) === tag) {
      const offset = ttf.readUInt32BE(at + 8);
      return ttf.subarray(offset, offset + ttf.readUInt32BE(at + 12));
    }
  }
  throw new Error(`no ${tag} table`);
}

async function subsetOf(font: Font, text: string): Promise<Buffer> {
  const subset = (font as unknown as { createSubset(): Subset }).createSubset();
  for (const ch of text) subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0) ?? 0));
  // The stream pdf-lib reads the subset from (CustomFontSubsetEmbedder.serializeFont).
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (part) => parts.push(part))
      .on('end', () => resolve(Buffer.concat(parts)));
  });
}

describe('the CJK fallback font, unwrapped from WOFF', () => {
  it('keeps every glyph and outline of the WOFF file', () => {
    const original = fontkit.create(woff);
    const converted = fontkit.create(woffToTrueType(woff));
    expect(converted.numGlyphs).toBe(original.numGlyphs);
    for (const ch of '陈静张伟') {
      const cp = ch.codePointAt(0) ?? 0;
      expect(converted.glyphForCodePoint(cp).path.toSVG()).toBe(
        original.glyphForCodePoint(cp).path.toSVG(),
      );
    }
  });

  it('gives subsets whose glyph table ends where their loca says (no glyph cut short)', async () => {
    const ttf = await subsetOf(fontkit.create(woffToTrueType(woff)), '陈静');
    const long = table(ttf, 'head').readInt16BE(50) === 1;
    const loca = table(ttf, 'loca');
    const end = long ? loca.readUInt32BE(loca.length - 4) : loca.readUInt16BE(loca.length - 2) * 2;
    expect(end).toBe(table(ttf, 'glyf').length);
  });

  it('leaves a TrueType file as it is', () => {
    const ttf = fs.readFileSync(path.join(repoRoot, 'resources', 'fonts', fontFiles.regular));
    expect(woffToTrueType(ttf)).toBe(ttf);
  });
});
