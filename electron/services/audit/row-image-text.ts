import { canonicalJson } from './hash';
import type { BoundTable } from './bound-tables';
import { columnsInKeyOrder, digestOf, type SqlValue } from './row-images';

/**
 * Writes the canonical JSON of a row's image straight from the row's values as SQLite returns
 * them (in columnsInKeyOrder), without building the image: exactly
 * `canonicalJson(rowImage(table, row))`, which a property test holds. A bulk change (an
 * inventory import of 100,000 devices) writes its event this way, row by row, so that no image
 * outlives its own line of text.
 */
export type ImageTextWriter = (values: readonly SqlValue[], from: number) => string;

export function imageTextWriter(table: BoundTable): ImageTextWriter {
  const columns = columnsInKeyOrder(table);
  const names = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  const digests = columns.map((c) => c.kind === 'digest');
  return (values, from) => {
    let text = '';
    for (let i = 0; i < columns.length; i++) {
      text += names[i] + valueText(values[from + i] ?? null, digests[i] === true);
    }
    return columns.length === 0 ? '{}' : text + '}';
  };
}

/** One value as rowImage holds it, written as canonical JSON. */
function valueText(v: SqlValue, digest: boolean): string {
  if (v === null) return 'null';
  if (digest) return `"${digestOf(typeof v === 'bigint' ? String(v) : (v as string | Buffer))}"`;
  switch (typeof v) {
    // Text from SQLite is well-formed UTF-16, which JSON.stringify writes as RFC 8785 does.
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : canonicalJson(v);
    case 'bigint':
      return valueText(Number(v), false);
    default:
      return `"${v.toString('hex')}"`;
  }
}
