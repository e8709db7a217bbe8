import { useTranslation } from 'react-i18next';
import { VirtualTable } from '../components/VirtualTable';
import { boardColumns } from './board-columns';
import { BoardRowView } from './BoardRowView';
import type { BoardPages } from './use-board-pages';

/** Up to four short lines (a name may wrap); the same as --vtable-row-height in board-list.css. */
const rowHeight = 76;

interface Props {
  pages: BoardPages;
  selectable: boolean;
  selected: ReadonlySet<number>;
  onSelect(caseId: number, on: boolean): void;
}

/** The incident's cases as a virtualised table (like the device table). */
export function BoardTable({ pages, selectable, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <VirtualTable
      className="board-table"
      label={t('board.table.label')}
      columns={boardColumns}
      header={(column) =>
        column === 'select' ? (
          <span className="visually-hidden">{t('board.columns.select')}</span>
        ) : (
          t(`board.columns.${column}`)
        )
      }
      rowHeight={rowHeight}
      rows={pages}
      renderRow={(row, { key, ...place }) => (
        <BoardRowView
          key={key}
          {...place}
          row={row}
          selectable={selectable}
          selected={row ? selected.has(row.caseId) : false}
          onSelect={onSelect}
        />
      )}
    />
  );
}
