import type Database from 'better-sqlite3';
import { caseStates } from '../electron/api/domains/cases';
import { dayShift, startBenchIncident } from './bench-incident';
import type { InputOf } from '../electron/api/methods';
import { figure, median, timeAsync, type Figure } from './harness';

const stations = 20;
const perStation = 500;

/** The replica of 20 stations × 500 cases, as their bundles would leave it: SQL only. */
function buildReplica(db: Database.Database, trackingId: string, at: string): void {
  const addStation = db.prepare(
    `INSERT INTO stations (station_id, name, key_fingerprint, last_heard_from) VALUES (?, ?, 'x', ?)`,
  );
  const addAdvisory = db.prepare(
    `INSERT INTO station_advisories (station_id, id, publisher_namespace, tracking_id,
       current_revision_id, created_at, updated_at) VALUES (?, 1, 'bench', ?, 1, ?, ?)`,
  );
  const addDevice = db.prepare(
    `INSERT INTO station_devices (station_id, id, asset_tag, vendor, model, modality, site,
       department, created_at, updated_at) VALUES (?, ?, ?, 'Siemens', 'Symbia', 'NM', ?, ?, ?, ?)`,
  );
  const addCase = db.prepare(
    `INSERT INTO station_cases (station_id, id, incident_id, device_id, advisory_id,
       advisory_revision_id, template_id, template_version, state, state_entered_at, created_at,
       updated_at) VALUES (?, ?, 1, ?, 1, 1, 'nm', 1, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let s = 0; s < stations; s++) {
      const id = `00000000-0000-4000-8000-${String(s).padStart(12, '0')}`;
      addStation.run(id, `Station ${s + 1}`, at);
      addAdvisory.run(id, trackingId, at, at);
      for (let c = 1; c <= perStation; c++) {
        const site = ['Campus Nord', 'Campus Süd'][c % 2] ?? '';
        const department = ['Radiology', 'Nuclear medicine', 'ICU'][c % 3] ?? '';
        addDevice.run(id, c, `S${s}-${c}`, site, department, at, at);
        const state = caseStates[(c * 7 + s) % caseStates.length] ?? 'at_risk';
        addCase.run(id, c, c, state, at, at, at);
      }
    }
  })();
  db.exec('ANALYZE');
}

/** The command post's board over 20 stations × 500 cases held elsewhere: first load, a filter. */
export async function facilityBoardFigures(): Promise<Figure[]> {
  const { at } = dayShift;
  const b = await startBenchIncident('Facility bench', at, dayShift.period);
  const { rt, db, incidentId } = b;
  try {
    buildReplica(db, 'ICSMA-17-215-02', at);
    const station = rt.client();
    const board = async (input: Omit<InputOf<'board.get'>, 'incidentId'>) => {
      const { ms, value } = await timeAsync(() =>
        station.value('board.get', { incidentId, ...input }),
      );
      if (value.totalCases < stations * perStation) {
        throw new Error(`board shows ${value.totalCases} cases`);
      }
      return ms;
    };
    const first = await board({});
    const filters = [];
    for (let i = 0; i < 5; i++) {
      filters.push(await board({ filters: { states: ['assessing'], sites: ['Campus Nord'] } }));
    }
    const label = `${stations} stations × ${perStation} cases`;
    return [
      figure(`facility board, ${label}: first load`, first, 'ms', { atMost: 1000 }),
      figure(`facility board, ${label}: a filter (median of 5)`, median(filters), 'ms', {
        atMost: 100,
      }),
    ];
  } finally {
    b.close();
  }
}
