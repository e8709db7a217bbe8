import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BulkMode } from './board-query';

interface Props {
  selectedCount: number;
  /** Of them, the cases held here (signed PDFs are exported only of these). */
  localCount: number;
  matchingCount: number;
  selectingAll: boolean;
  onSelectAll(): void;
  onClear(): void;
  onAssign(): void;
  onBulk(mode: BulkMode): void;
  onExportPdfs(): void;
}

/** The commander's actions on the chosen cases; shown above the list, never hidden in a menu. */
export function SelectionToolbar(props: Props) {
  const { selectedCount, matchingCount, selectingAll, onSelectAll, onClear } = props;
  const { t } = useTranslation();
  const some = selectedCount > 0;
  return (
    <div className="board-selection" role="toolbar" aria-label={t('board.selection.label')}>
      <p className="board-selection-count" aria-live="polite" data-testid="selection-count">
        {some ? t('board.selection.count', { count: selectedCount }) : t('board.selection.none')}
      </p>
      {selectedCount < matchingCount ? (
        <Button className="button button-secondary" onPress={onSelectAll} isPending={selectingAll}>
          {t('board.selection.all', { count: matchingCount })}
        </Button>
      ) : null}
      {some ? (
        <>
          <Button className="button button-secondary" onPress={onClear}>
            {t('board.selection.clear')}
          </Button>
          <Button className="button button-primary" onPress={props.onAssign}>
            {t('board.selection.assign')}
          </Button>
          <Button className="button button-primary" onPress={() => props.onBulk('move')}>
            {t('board.selection.move')}
          </Button>
          <Button className="button button-secondary" onPress={() => props.onBulk('recheck')}>
            {t('board.selection.recheck')}
          </Button>
          {props.localCount > 0 ? (
            <Button className="button button-secondary" onPress={props.onExportPdfs}>
              {t('board.selection.exportPdfs')}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
