import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../electron/api';
import { deviceColumns } from './device-columns';
import { DeviceRow } from './DeviceRow';
import type { DevicePages } from './use-device-pages';

/** Fixed row height (two lines of text): fixed sizes keep scrolling smooth at 100,000 rows. */
const rowHeight = 56;

interface Props {
  pages: DevicePages;
  onOpen(device: Device): void;
}

/**
 * A native table with explicit ARIA roles (its CSS layout is a grid, which would otherwise drop
 * table semantics in some browsers) and the full row count, so assistive technology reports
 * "row 5,000 of 100,000" although only the visible rows exist in the DOM.
 */
export function DeviceTable({ pages, onOpen }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  // TanStack Virtual returns new functions on every render by design, so the React Compiler
  // leaves this component unmemoised; that is correct here (it re-renders on scroll anyway).
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

  // New search or filter results start at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [shownKey]);

  return (
    <div
      ref={scrollRef}
      className="device-table-scroll"
      role="region"
      aria-label={t('devices.tableLabel')}
      // Focusable so keyboard users can scroll it with the arrow and page keys.
      tabIndex={0}
    >
      <table
        className="device-table"
        role="table"
        aria-label={t('devices.tableLabel')}
        aria-rowcount={count + 1}
      >
        <thead role="rowgroup" className="device-table-head">
          <tr role="row" aria-rowindex={1} className="device-header-row">
            {deviceColumns.map((column) => (
              <th role="columnheader" scope="col" key={column} className="device-header-cell">
                {t(`devices.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          className="device-table-body"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rows.map((row) => (
            <DeviceRow
              key={row.key}
              rowIndex={row.index + 2}
              start={row.start}
              device={pages.deviceAt(row.index)}
              onOpen={onOpen}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
