/**
 * Just enough DER to write and read a CMS SignedData envelope with Node's Buffers: forge's
 * binary strings are too slow for bundles of many megabytes, and its PKCS#7 cannot verify.
 * Definite lengths only (DER); anything else is not a bundle of ours.
 */

export const tags = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utcTime: 0x17,
  sequence: 0x30,
  set: 0x31,
  /** [0] constructed: EXPLICIT [0], or IMPLICIT [0] of a SET or SEQUENCE. */
  context0: 0xa0,
} as const;

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** The tag and length of an element whose content of `length` bytes is written separately. */
export function tlvHeader(tag: number, length: number): Buffer {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(length)]);
}

export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = content.length === 1 ? (content[0] as Buffer) : Buffer.concat(content);
  return Buffer.concat([tlvHeader(tag, body.length), body]);
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [40 * (parts[0] ?? 0) + (parts[1] ?? 0)];
  for (const part of parts.slice(2)) {
    const groups: number[] = [];
    let n = part;
    do {
      groups.unshift(n & 0x7f);
      n = Math.floor(n / 128);
    } while (n > 0);
    for (let i = 0; i < groups.length - 1; i++) groups[i] = (groups[i] ?? 0) | 0x80;
    bytes.push(...groups);
  }
  return tlv(tags.oid, Buffer.from(bytes));
}

export function smallInteger(n: number): Buffer {
  return tlv(tags.integer, Buffer.from([n]));
}

/** SET OF in DER order (by encoding), which verifiers re-create before they check a signature. */
export function setOf(items: Buffer[]): Buffer {
  return tlv(tags.set, ...[...items].sort(Buffer.compare));
}

export function utcTime(date: Date): Buffer {
  const iso = date.toISOString();
  const text = iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13);
  return tlv(tags.utcTime, Buffer.from(text + iso.slice(14, 16) + iso.slice(17, 19) + 'Z'));
}

/** One element: its tag, where its content starts and ends, and its whole encoding. */
export interface Element {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

export class DerError extends Error {}

/** The element at `at` within `buf[.. limit]`; throws DerError when it does not fit. */
export function readElement(buf: Buffer, at: number, limit = buf.length): Element {
  if (at + 2 > limit) throw new DerError('truncated');
  const tag = buf[at] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used');
  const first = buf[at + 1] as number;
  let length = first;
  let contentStart = at + 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4) throw new DerError('indefinite or oversized length');
    if (contentStart + n > limit) throw new DerError('truncated');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (buf[contentStart + i] as number);
    contentStart += n;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError('truncated');
  return { tag, start: at, contentStart, end };
}

/** The children of a constructed element. */
export function childrenOf(buf: Buffer, parent: Element): Element[] {
  const out: Element[] = [];
  for (let at = parent.contentStart; at < parent.end;) {
    const child = readElement(buf, at, parent.end);
    out.push(child);
    at = child.end;
  }
  return out;
}

export function expectTag(e: Element | undefined, tag: number, what: string): Element {
  if (!e || e.tag !== tag) throw new DerError(`${what} expected`);
  return e;
}

export function whole(buf: Buffer, e: Element): Buffer {
  return buf.subarray(e.start, e.end);
}

export function content(buf: Buffer, e: Element): Buffer {
  return buf.subarray(e.contentStart, e.end);
}

export function readOid(buf: Buffer, e: Element): string {
  const bytes = content(buf, expectTag(e, tags.oid, 'object identifier'));
  const first = bytes[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let n = 0;
  for (const b of bytes.subarray(1)) {
    n = n * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join('.');
}
