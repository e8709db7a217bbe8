import { useTranslation } from 'react-i18next';
import { VirtualTable } from '../components/VirtualTable';
import { boardColumns } from './board-columns';
import { BoardRowView } from './BoardRowView';
import type { BoardPages } from './use-board-pages';
import { remoteKey, rowRemoteKey, type RemoteSelection } from './remote-selection';
import type { BoardRow } from '../../../electron/api/domains/board';

/**
 * Two lines of bold text over two of small text (a step and its re-check, a department and its
 * place, each wrapped at 1024 px); the same as --vtable-row-height in board-list.css.
 */
const rowHeight = 84;

interface Props {
  pages: BoardPages;
  selectable: boolean;
  /** Cases other stations hold can be ticked too (their decisions go as requests). */
  remoteSelectable: boolean;
  selected: ReadonlySet<number>;
  selectedRemote: RemoteSelection;
  onSelect(row: BoardRow, on: boolean): void;
}

/** The incident's cases as a virtualised table (like the device table). */
export function BoardTable(props: Props) {
  const { pages, selectable, remoteSelectable, selected, selectedRemote, onSelect } = props;
  const { t } = useTranslation();
  const isSelected = (row: BoardRow) => {
    const remote = rowRemoteKey(row);
    return remote ? selectedRemote.has(remoteKey(remote)) : selected.has(row.caseId);
  };
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
          selectable={selectable && (row?.heldHere === true || remoteSelectable)}
          selected={row ? isSelected(row) : false}
          onSelect={onSelect}
        />
      )}
    />
  );
}
