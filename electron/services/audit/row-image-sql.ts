import type { BoundTable } from './bound-tables';
import { columnsInKeyOrder } from './row-images';

/**
 * A row's values as its event carries them (form 2, row-image-forms.ts), written by SQLite
 * itself as canonical JSON: `json_array` over the columns in key order writes exactly what the
 * JavaScript writer (row-image-text.ts) writes for text, integers that JavaScript holds exactly,
 * and NULL, which is what a bound row nearly always holds; a property test holds the two equal.
 * For any other value (a real number, a blob, an integer beyond 2^53) the expression gives NULL
 * and the caller writes that row in JavaScript. An import of 100,000 devices then hands over one
 * string per row instead of its 26 values.
 *
 * Only for tables whose columns are all plain values (no digests, no blob columns): null
 * otherwise. `row` is the alias the row's table has in the query.
 */
export function imageTextSql(table: BoundTable, row: string): string | null {
  const columns = columnsInKeyOrder(table);
  if (columns.length === 0 || columns.some((c) => c.kind !== 'value')) return null;
  const ref = (name: string) => `${row}."${name.replace(/"/g, '""')}"`;
  const exact = columns
    .map(
      ({ name }) =>
        `(typeof(${ref(name)}) IN ('text', 'null') OR (typeof(${ref(name)}) = 'integer' AND ${ref(name)} BETWEEN -9007199254740991 AND 9007199254740991))`,
    )
    .join(' AND ');
  const values = `json_array(${columns.map(({ name }) => ref(name)).join(', ')})`;
  return `CASE WHEN ${exact} THEN ${values} END`;
}
