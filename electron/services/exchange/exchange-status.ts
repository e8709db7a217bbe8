import fs from 'node:fs';
import path from 'node:path';
import type {
  BundleImportOutcome,
  ExchangeStatus,
  FolderBundle,
  OutboxBundle,
  StationExchange,
} from '../../api/domains/exchange';
import type { Services } from '../core/context';
import { allStations, authorityRow, selfRow } from '../stations/station-store';
import { advisoryConflicts } from './advisory-conflicts';
import { waitingTransfers } from './case-adopt';
import { exchangeFolder } from './folder-settings';
import { casesWithSignoffsNotCarried } from './received-cases';
import { bundleFiles, folderState, isOwnBundle, parseBundleName } from './folder-sync';

function folderListing(
  services: Services,
  folder: string,
  self: string | null,
): { inbox: FolderBundle[]; outbox: OutboxBundle[] } {
  let files: ReturnType<typeof bundleFiles>;
  try {
    files = bundleFiles(folder);
  } catch {
    // The folder is not there now: the last pass says why.
    return { inbox: [], outbox: [] };
  }
  const seen = folderState(services).seen;
  const newestFirst = [...files].sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
  const outbox = newestFirst.flatMap((f): OutboxBundle[] => {
    const parsed = parseBundleName(f.name);
    if (!self || !parsed || !isOwnBundle(f.name, self)) return [];
    return [
      {
        fileName: f.name,
        bytes: f.stat.size,
        writtenAt: f.stat.mtime.toISOString(),
        fromId: parsed.fromId,
        headId: parsed.headId,
      },
    ];
  });
  const inbox = newestFirst
    .filter((f) => !self || !isOwnBundle(f.name, self))
    .map((f): FolderBundle => {
      const s = seen.get(f.name);
      const current = s && s.bytes === f.stat.size && s.mtimeMs === f.stat.mtimeMs;
      return {
        fileName: f.name,
        bytes: f.stat.size,
        modifiedAt: f.stat.mtime.toISOString(),
        outcome: current ? s.outcome : null,
        readAt: current ? s.readAt : null,
      };
    });
  return { inbox, outbox };
}

/** The last outcome of every bundle read, from the folder or by hand, whose file is still there. */
function lastOutcomes(services: Services, folder: string | null): BundleImportOutcome[] {
  const state = folderState(services);
  const fromFolder = folder
    ? [...state.seen].map(([name, s]) => ({ ...s.outcome, file: path.join(folder, name) }))
    : [];
  const byFile = new Map([...state.byHand.values(), ...fromFolder].map((o) => [o.file, o]));
  return [...byFile.values()].filter((o) => fs.existsSync(o.file));
}

function stationExchanges(services: Services, selfId: string | null): StationExchange[] {
  const acks = new Map(
    services.db
      .prepare<[], { station_id: string; acked_id: number }>(
        'SELECT station_id, acked_id FROM station_acks',
      )
      .all()
      .map((a) => [a.station_id, a.acked_id]),
  );
  return allStations(services.db)
    .filter((s) => s.station_id !== selfId)
    .map((s) => ({
      stationId: s.station_id,
      name: s.name,
      revoked: s.revoked_at !== null,
      lastHeardFrom: s.last_heard_from,
      receivedUpTo: s.head_id,
      acknowledgedUpTo: acks.get(s.station_id) ?? null,
    }));
}

export function exchangeStatus(services: Services): ExchangeStatus {
  const { db } = services;
  const self = selfRow(db);
  const folder = exchangeFolder(db);
  const { inbox, outbox } = folder
    ? folderListing(services, folder, self?.station_id ?? null)
    : { inbox: [], outbox: [] };
  const outcomes = lastOutcomes(services, folder);
  const ownHead = db
    .prepare<[], number>('SELECT last_id FROM audit_head WHERE singleton = 1')
    .pluck()
    .get();
  const state = folderState(services);
  return {
    folder,
    enrolled: Boolean(self?.certificate_der && authorityRow(db)),
    ownHead: ownHead ?? 0,
    outbox,
    inbox,
    held: outcomes.filter((o) => o.status === 'held'),
    refused: outcomes.filter((o) => o.status === 'refused' || o.status === 'not_a_bundle'),
    waitingCases: self ? waitingTransfers(db, self.station_id) : [],
    signoffsNotCarried: casesWithSignoffsNotCarried(db),
    stations: stationExchanges(services, self?.station_id ?? null),
    advisoryConflicts: advisoryConflicts(db),
    lastPass: state.folder === folder ? state.lastPass : null,
  };
}
