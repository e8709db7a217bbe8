import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useMay } from '../inventory/use-may';
import { AssignDialog } from './AssignDialog';
import { AttentionLists } from './AttentionLists';
import { BoardFilterBar } from './BoardFilterBar';
import { BoardTable } from './BoardTable';
import { emptyQuery, isFiltered, type BoardQuery, type BulkMode } from './board-query';
import { BulkDecisionDialog } from './BulkDecisionDialog';
import { CountsStrip } from './CountsStrip';
import { PdfBatchDialog } from './PdfBatchDialog';
import { SelectionToolbar } from './SelectionToolbar';
import { StateChart } from './StateChart';
import { StationsStrip } from './StationsStrip';
import { ConflictsNotice } from './ConflictsNotice';
import { RequestRefusalsNotice } from './RequestRefusalsNotice';
import { allMatchingCaseIds, useBoardPages } from './use-board-pages';
import { useCall } from '../api/use-call';
import type { BoardRow } from '../../../electron/api/domains/board';
import {
  noRemote,
  remoteKey,
  remoteList,
  rowRemoteKey,
  type RemoteSelection,
} from './remote-selection';

/** The filters stay while the commander opens a case and comes back. */
let rememberedQuery: BoardQuery = emptyQuery;

/** One incident's board: counts, attention lists, chart, filters, the case list and bulk actions. */
export function BoardView({ incidentId }: { incidentId: number }) {
  const { t } = useTranslation();
  const canDecide = useMay('cases.bulkTransition');
  const canAssign = useMay('cases.assign');
  const [query, setQueryState] = useState<BoardQuery>(rememberedQuery);
  const [reloadKey, setReloadKey] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [selectedRemote, setSelectedRemote] = useState<RemoteSelection>(noRemote);
  // The command post (holding the organisation identity) decides on cases other stations hold
  // too: each decision reaches their station as a request.
  const station = useCall('stations.status', {});
  const remoteSelectable =
    station.value?.enrolled === true && station.value.holdsOrganisationIdentity;
  const [selectingAll, setSelectingAll] = useState(false);
  const [selectError, setSelectError] = useState<ApiError>();
  const [dialog, setDialog] = useState<'assign' | 'pdf' | BulkMode>();
  const pages = useBoardPages(incidentId, query, reloadKey);
  const view = pages.view;

  // A new filter or order is a new list: the old selection would act on cases not shown.
  const setQuery = (next: BoardQuery) => {
    rememberedQuery = next;
    setSelected(new Set());
    setSelectedRemote(noRemote);
    setQueryState(next);
  };
  const reload = () => setReloadKey((n) => n + 1);
  const select = (row: BoardRow, on: boolean) => {
    const remote = rowRemoteKey(row);
    if (remote) {
      return setSelectedRemote((current) => {
        const next = new Map(current);
        if (on) next.set(remoteKey(remote), remote);
        else next.delete(remoteKey(remote));
        return next;
      });
    }
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(row.caseId);
      else next.delete(row.caseId);
      return next;
    });
  };
  const clearSelection = () => {
    setSelected(new Set());
    setSelectedRemote(noRemote);
  };
  const selectAll = () => {
    setSelectingAll(true);
    void allMatchingCaseIds(incidentId, query, remoteSelectable).then((result) => {
      setSelectingAll(false);
      if (!result.ok) return setSelectError(result.error);
      setSelected(new Set(result.ids));
      setSelectedRemote(new Map(result.remote.map((r) => [remoteKey(r), r])));
    });
  };
  const caseIds = [...selected];
  const remoteCases = remoteList(selectedRemote);
  const bulkMode = dialog === 'move' || dialog === 'recheck' ? dialog : undefined;

  if (!view) {
    return pages.error ? (
      <ErrorMessage error={pages.error} onRetry={pages.retry} />
    ) : (
      <p className="loading-text">{t('board.loading')}</p>
    );
  }
  return (
    <div className="board-view">
      <StationsStrip view={view} onChanged={reload} />
      <ConflictsNotice view={view} onChanged={reload} />
      <RequestRefusalsNotice reloadKey={view} />
      <CountsStrip
        view={view}
        filters={query.filters}
        onFilters={(f) => setQuery({ ...query, filters: f })}
      />
      <div className="board-overview">
        <AttentionLists
          view={view}
          filters={query.filters}
          onFilters={(f) => setQuery({ ...query, filters: f })}
        />
        <StateChart incidentId={incidentId} reloadKey={reloadKey} />
      </div>
      <BoardFilterBar facets={view.facets} query={query} onQuery={setQuery} />
      <div className="board-list-head">
        <p className="board-matching" data-testid="board-matching">
          {t('board.matching', { count: view.totalMatching, total: view.totalCases })}
          {pages.loading ? <span className="board-busy"> {t('board.updating')}</span> : null}
        </p>
        {isFiltered(query.filters) ? (
          <Button
            className="button button-secondary board-clear"
            onPress={() => setQuery({ ...emptyQuery, sort: query.sort })}
          >
            {t('board.filters.clear')}
          </Button>
        ) : null}
        {canDecide || canAssign ? (
          <SelectionToolbar
            selectedCount={selected.size + selectedRemote.size}
            localCount={selected.size}
            matchingCount={view.totalMatching}
            selectingAll={selectingAll}
            onSelectAll={selectAll}
            onClear={clearSelection}
            onAssign={() => setDialog('assign')}
            onBulk={(mode) => setDialog(mode)}
            onExportPdfs={() => setDialog('pdf')}
          />
        ) : (
          <p className="board-readonly">{t('board.readOnly')}</p>
        )}
      </div>
      {pages.error ? <ErrorMessage error={pages.error} onRetry={pages.retry} /> : null}
      {selectError ? <ErrorMessage error={selectError} /> : null}
      {view.totalMatching === 0 ? (
        <p className="board-none">{t('board.noneMatching')}</p>
      ) : (
        <BoardTable
          pages={pages}
          selectable={canDecide || canAssign}
          remoteSelectable={remoteSelectable}
          selected={selected}
          selectedRemote={selectedRemote}
          onSelect={select}
        />
      )}
      <AssignDialog
        caseIds={caseIds}
        remoteCases={remoteCases}
        isOpen={dialog === 'assign'}
        onClose={() => setDialog(undefined)}
        onAssigned={reload}
      />
      <BulkDecisionDialog
        mode={bulkMode}
        incidentId={incidentId}
        caseIds={caseIds}
        remoteCases={remoteCases}
        onClose={() => setDialog(undefined)}
        onDecided={reload}
      />
      <PdfBatchDialog
        isOpen={dialog === 'pdf'}
        caseIds={caseIds}
        onClose={() => setDialog(undefined)}
      />
    </div>
  );
}
