/** A column of a table's header row: its heading, and a class where it needs one (`num`). */
export type ColumnHead = string | { label: string; className: string };

/** A table's header row: one `<th scope="col">` per column, in order. */
export function ColumnHeads({ columns }: { columns: readonly ColumnHead[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) =>
          typeof column === 'string' ? (
            <th scope="col" key={column}>
              {column}
            </th>
          ) : (
            <th scope="col" key={column.label} className={column.className}>
              {column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
