import type { BoardRow, RemoteCaseKey } from '../../../electron/api/domains/board';

/**
 * Chosen cases other stations hold, by `stationId/caseId`: a decision on them is sent to their
 * station as a request (the command post's only; see `cases.bulkTransition`, `requests.assign`).
 */
export type RemoteSelection = ReadonlyMap<string, RemoteCaseKey>;

export const noRemote: RemoteSelection = new Map();

export function remoteKey(c: RemoteCaseKey): string {
  return `${c.stationId}/${c.caseId}`;
}

/** The board row's remote key, or undefined for a case held here. */
export function rowRemoteKey(row: BoardRow): RemoteCaseKey | undefined {
  return !row.heldHere && row.station
    ? { stationId: row.station.id, caseId: row.caseId }
    : undefined;
}

export function remoteList(selection: RemoteSelection): RemoteCaseKey[] {
  return [...selection.values()];
}
