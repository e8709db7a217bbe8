import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { boardColumns } from './board-columns';
import { BoardRowView } from './BoardRowView';
import type { BoardPages } from './use-board-pages';

/** Fixed row height (two lines of text): fixed sizes keep scrolling smooth at 10,000 rows. */
const rowHeight = 60;

interface Props {
  pages: BoardPages;
  selectable: boolean;
  selected: ReadonlySet<number>;
  onSelect(caseId: number, on: boolean): void;
}

/**
 * The incident's cases as a virtualised table (like the device table): table semantics with
 * explicit roles and the full row count, only the visible rows in the DOM.
 */
export function BoardTable({ pages, selectable, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.view?.totalMatching ?? 0;
  // TanStack Virtual returns new functions every render by design (see DeviceTable).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  const { ensureRows } = pages;
  const shownKey = JSON.stringify(pages.shownQuery);

  useEffect(() => {
    if (count > 0) ensureRows(first, last);
  }, [first, last, count, ensureRows]);

  // A new filter or order starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [shownKey]);

  return (
    <div
      ref={scrollRef}
      className="board-table-scroll"
      role="region"
      aria-label={t('board.table.label')}
      tabIndex={0}
    >
      <table
        className="board-table"
        role="table"
        aria-label={t('board.table.label')}
        aria-rowcount={count + 1}
      >
        <thead role="rowgroup" className="board-table-head">
          <tr role="row" aria-rowindex={1} className="board-header-row">
            {boardColumns.map((column) => (
              <th role="columnheader" scope="col" key={column} className="board-header-cell">
                {column === 'select' ? (
                  <span className="board-visually-hidden">{t('board.columns.select')}</span>
                ) : (
                  t(`board.columns.${column}`)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          className="board-table-body"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rows.map((item) => {
            const row = pages.rowAt(item.index);
            return (
              <BoardRowView
                key={item.key}
                rowIndex={item.index + 2}
                start={item.start}
                row={row}
                selectable={selectable}
                selected={row ? selected.has(row.caseId) : false}
                onSelect={onSelect}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
