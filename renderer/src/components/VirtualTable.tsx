import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { PagedRows } from './use-paged-rows';

interface Props<Column extends string, Row> {
  /** The table's own class: it sets the column widths and row height (see virtual-table.css). */
  className: string;
  label: string;
  columns: readonly Column[];
  header(column: Column): ReactNode;
  /** Fixed row height in pixels (the same as the table's --vtable-row-height). */
  rowHeight: number;
  rows: Pick<PagedRows<unknown, Row, unknown>, 'total' | 'shownQuery' | 'rowAt' | 'ensureRows'>;
  /** One row; `row` is undefined while its page is on its way. */
  renderRow(row: Row | undefined, place: RowPlace): ReactNode;
}

export interface RowPlace {
  key: string | number | bigint;
  /** 1-based position among all rows, header included (aria-rowindex). */
  rowIndex: number;
  /** Pixel offset from the top of the body, from the virtualiser. */
  start: number;
}

/**
 * A native table with explicit ARIA roles (its CSS layout is a grid, which would otherwise drop
 * table semantics in some browsers) and the full row count, so assistive technology reports
 * "row 5,000 of 100,000" although only the visible rows exist in the DOM. Fixed row heights keep
 * scrolling smooth at that size.
 */
export function VirtualTable<Column extends string, Row>(props: Props<Column, Row>) {
  const { className, label, columns, header, rowHeight, rows, renderRow } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = rows.total ?? 0;
  // TanStack Virtual returns new functions on every render by design, so the React Compiler
  // leaves this component unmemoised; that is correct here (it re-renders on scroll anyway).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensureRows } = rows;
  const shownKey = JSON.stringify(rows.shownQuery);

  useEffect(() => {
    if (count > 0) ensureRows(first, last);
  }, [first, last, count, ensureRows]);

  // A new search, filter or order starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [shownKey]);

  return (
    <div
      ref={scrollRef}
      className={`vtable-scroll ${className}-scroll`}
      role="region"
      aria-label={label}
      // Focusable so keyboard users can scroll it with the arrow and page keys.
      tabIndex={0}
    >
      <table
        className={`vtable ${className}`}
        role="table"
        aria-label={label}
        aria-rowcount={count + 1}
      >
        <thead role="rowgroup" className="vtable-head">
          <tr role="row" aria-rowindex={1} className="vtable-header-row">
            {columns.map((column) => (
              <th role="columnheader" scope="col" key={column} className="vtable-header-cell">
                {header(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          className="vtable-body"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) =>
            renderRow(rows.rowAt(item.index), {
              key: item.key,
              rowIndex: item.index + 2,
              start: item.start,
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  rowIndex: number;
  start: number;
  className?: string;
  /** Its page is on its way. */
  busy?: boolean;
  /** The row's name when its cells alone would not say what it is. */
  'aria-label'?: string;
  children: ReactNode;
  [data: `data-${string}`]: string | number | undefined;
}

/** One positioned row of a VirtualTable. */
export function VirtualRow({ rowIndex, start, className, busy, children, ...data }: RowProps) {
  return (
    <tr
      role="row"
      aria-rowindex={rowIndex}
      aria-busy={busy ? true : undefined}
      className={className ? `vtable-row ${className}` : 'vtable-row'}
      // Positioned through the CSSOM (React's style prop), which the CSP's style-src allows.
      style={{ transform: `translateY(${start}px)` }}
      {...data}
    >
      {children}
    </tr>
  );
}

interface LoadingProps<Column extends string> {
  rowIndex: number;
  start: number;
  columns: readonly Column[];
  /** The column that says the row is loading (a narrow first column would cut the words). */
  labelColumn: Column;
  label: string;
}

/** A row whose page has not arrived yet. */
export function LoadingRow<Column extends string>(props: LoadingProps<Column>) {
  const { rowIndex, start, columns, labelColumn, label } = props;
  return (
    <VirtualRow rowIndex={rowIndex} start={start} busy>
      {columns.map((column) => (
        <td role="cell" key={column} className="vtable-cell cell-loading">
          {column === labelColumn ? label : null}
        </td>
      ))}
    </VirtualRow>
  );
}
