import { canonicalJson } from './hash';
import type { BoundTable } from './bound-tables';
import { columnsInKeyOrder, digestOf, type SqlValue } from './row-images';

/**
 * Writes a row's values as its event carries them (form 2, row-image-forms.ts) straight from the
 * row as SQLite returns it (in columnsInKeyOrder), without building the image: exactly
 * `canonicalJson(imageValues(table, rowImage(table, row)))`, which a property test holds.
 */
export type ImageTextWriter = (values: readonly SqlValue[], from: number) => string;

export function imageTextWriter(table: BoundTable): ImageTextWriter {
  const columns = columnsInKeyOrder(table);
  const digests = columns.map((c) => c.kind === 'digest');
  return (values, from) => {
    let text = '[';
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) text += ',';
      text += valueText(values[from + i] ?? null, digests[i] === true);
    }
    return text + ']';
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
