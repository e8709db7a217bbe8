import type { ExchangeVerifyReport, StationChainCheck } from '../../api/domains/exchange';
import { genesisHash, prevHashOfBody, sha256Hex } from '../audit/hash';
import type { Services } from '../core/context';
import { allStations, selfRow, type StationRow } from '../stations/station-store';

/**
 * The anchors: every other station's events kept here must still form one hash chain from its
 * start to the last head verified at import. A row changed or removed here since (a rewritten
 * copy) is named by its station and first event.
 */
function checkStation(services: Services, station: StationRow): StationChainCheck {
  const events = services.db
    .prepare<[string], { id: number; body: string; hash: string }>(
      'SELECT id, body, hash FROM station_events WHERE station_id = ? ORDER BY id',
    )
    .iterate(station.station_id);
  let previous = { id: 0, hash: genesisHash };
  let count = 0;
  const result = (problem: string | null): StationChainCheck => ({
    stationId: station.station_id,
    name: station.name,
    ok: problem === null,
    events: count,
    headId: station.head_id,
    problem,
  });
  for (const e of events) {
    count++;
    if (e.id !== previous.id + 1) {
      return result(`event ${previous.id + 1} is missing`);
    }
    if (sha256Hex(e.body) !== e.hash) return result(`event ${e.id} does not match its hash`);
    if (prevHashOfBody(e.body) !== previous.hash) {
      return result(`event ${e.id} does not follow event ${previous.id} in the hash chain`);
    }
    previous = { id: e.id, hash: e.hash };
  }
  const head = { id: station.head_id ?? 0, hash: station.head_hash ?? genesisHash };
  if (previous.id !== head.id || previous.hash !== head.hash) {
    return result(
      `the chain kept here ends at event ${previous.id}, not at the head ${head.id} verified at import`,
    );
  }
  return result(null);
}

export function verifyStationChains(services: Services): ExchangeVerifyReport {
  const selfId = selfRow(services.db)?.station_id;
  const stations = allStations(services.db)
    .filter((s) => s.station_id !== selfId)
    .map((s) => checkStation(services, s));
  return { ok: stations.every((s) => s.ok), stations };
}
