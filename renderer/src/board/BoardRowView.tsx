import type { TFunction } from 'i18next';
import { memo } from 'react';
import { Checkbox, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../electron/api/domains/board';
import { LoadingRow, VirtualRow } from '../components/VirtualTable';
import { formatDateTime } from '../cases/time-format';
import { boardCaseHref } from './board-hrefs';
import { boardColumns } from './board-columns';
import { StationLabel } from './StationLabel';
import { stationPhrase } from './station-words';
import type { Language } from '../../../electron/api/languages';
import { priorityNumber, reasonsText, stationLanguage } from '../threats/priority-words';

interface Props {
  /** 1-based position among all rows, header included (aria-rowindex). */
  rowIndex: number;
  start: number;
  row: BoardRow | undefined;
  /** Whether this row can be ticked (a case held elsewhere only at the command post). */
  selectable: boolean;
  selected: boolean;
  onSelect(row: BoardRow, on: boolean): void;
}

/** "Priority 97.3: known exploited since …; reachable from …", the reasons strongest first. */
function priorityText(t: TFunction, language: Language, row: BoardRow): string | undefined {
  if (!row.priority) return undefined;
  return t('board.table.priority', {
    value: priorityNumber(language, row.priority.value),
    reasons: reasonsText(t, language, row.priority.reasons),
  });
}

function place(row: BoardRow): string {
  return [row.building, row.floor, row.room].filter(Boolean).join(', ');
}

/** One case of the board; a row whose page has not arrived yet shows a placeholder. */
export const BoardRowView = memo(function BoardRowView(props: Props) {
  const { rowIndex, start, row, selectable, selected, onSelect } = props;
  const { t, i18n } = useTranslation();
  const language = stationLanguage(i18n.resolvedLanguage);
  if (!row) {
    const label = t('board.table.loadingRow');
    return (
      <LoadingRow {...{ rowIndex, start, label }} columns={boardColumns} labelColumn="device" />
    );
  }
  const device = [row.vendor, row.model].filter(Boolean).join(' ') || row.family;
  // The device's full name and where the case is held are in the row's name and on hover,
  // wherever the narrow column wraps them; a case held here shows its step, not its station.
  const held = stationPhrase(t, row.station, row.heldHere);
  const named = [t('board.table.rowName', { assetTag: row.assetTag, device }), held]
    .filter(Boolean)
    .join(' · ');
  return (
    <VirtualRow
      rowIndex={rowIndex}
      start={start}
      aria-label={named}
      className={selected ? 'board-row-selected' : undefined}
      data-case-id={row.caseId}
      data-asset-tag={row.assetTag}
    >
      <td role="cell" className="vtable-cell board-cell-select">
        {selectable ? (
          <Checkbox
            className="board-check"
            isSelected={selected}
            onChange={(on) => onSelect(row, on)}
            aria-label={t('board.table.select', { assetTag: row.assetTag })}
          >
            <span className="board-check-box" aria-hidden="true">
              {selected ? '✓' : ''}
            </span>
          </Checkbox>
        ) : null}
      </td>
      <td role="cell" className="vtable-cell board-cell-device" title={named}>
        {row.heldHere ? (
          <Link
            className="board-case-link"
            href={boardCaseHref(row.caseId)}
            aria-label={t('board.table.open', { assetTag: row.assetTag, device })}
          >
            {row.assetTag}
          </Link>
        ) : (
          <span className="board-main">{row.assetTag}</span>
        )}
        <span className="board-sub board-device-name">{device}</span>
      </td>
      <td role="cell" className="vtable-cell">
        <span className={`board-state board-state-${row.state}`}>
          {t(`cases.state.${row.state}`)}
        </span>
        <span className={`board-sub board-hics-text board-hics-${row.hics251}`}>
          {t(`board.hics.${row.hics251}`)}
        </span>
      </td>
      <td
        role="cell"
        className="vtable-cell"
        title={[row.department, place(row)].filter(Boolean).join('\n') || undefined}
      >
        <span className="board-main">{row.department ?? t('board.table.unknown')}</span>
        <span className="board-sub">{place(row)}</span>
      </td>
      <td role="cell" className="vtable-cell" title={row.assignee?.name}>
        <span className="board-plain board-assignee">
          {row.assignee?.name ?? t('board.table.unassigned')}
        </span>
      </td>
      <td role="cell" className="vtable-cell">
        <span className="board-plain">{row.advisory.trackingId}</span>
        {/* The priority and its reasons first: what the commander sorts by; the rest of a long
            line is in the title. */}
        <span className="board-sub board-sub-line" title={priorityText(t, language, row)}>
          {row.priority ? `${priorityText(t, language, row)} · ` : ''}
          {t('board.table.revision', { version: row.advisory.version })}
          {row.flags.includes('needs_re_review') ? ` · ${t('board.table.reReview')}` : ''}
        </span>
      </td>
      <td role="cell" className="vtable-cell" title={held}>
        {/* A case held elsewhere is worked at its station: where, in the next step's place. */}
        {row.heldHere || !row.station ? (
          <span className="board-main">
            {row.nextAction
              ? t(`steps.${row.nextAction.actionKey}`)
              : row.heldHere
                ? t('board.table.closed')
                : t('board.table.workedThere')}
          </span>
        ) : (
          <StationLabel
            station={row.station}
            heldHere={false}
            className="board-sub board-station"
            testId="board-row-station"
          />
        )}
        <span
          className={
            row.flags.includes('recheck_overdue') ? 'board-sub board-overdue' : 'board-sub'
          }
        >
          {row.recheckAt
            ? t(
                row.flags.includes('recheck_overdue')
                  ? 'board.table.recheckOverdue'
                  : 'board.table.recheckAt',
                {
                  at: formatDateTime(row.recheckAt),
                },
              )
            : row.gateVerdict === 'blocked'
              ? t('board.table.blocked')
              : row.heldHere
                ? ''
                : t('board.table.workedThere')}
        </span>
      </td>
    </VirtualRow>
  );
});
