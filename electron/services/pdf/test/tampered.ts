import fs from 'node:fs';

/** Writes the PDF `file` to `to` with one byte changed inside its first stream (signed range). */
export function writeTampered(file: string, to: string): string {
  const bytes = fs.readFileSync(file);
  const at = bytes.indexOf(Buffer.from('stream')) + 30;
  bytes[at] = (bytes[at] ?? 0) ^ 0x20;
  fs.writeFileSync(to, bytes);
  return to;
}
