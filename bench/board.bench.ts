import type Database from 'better-sqlite3';
import { caseStates, type CaseState } from '../electron/api/domains/cases';
import { appendAuditEvent } from '../electron/services/audit/append';
import {
  exposedOnClinicalNetwork,
  gateClear,
  gateInjectedPatientWaiting,
} from '../electron/services/demo/walkthrough-answers';
import { hics214Entries } from '../electron/services/reports/hics214';
import { dayShift, startBenchIncident, type BenchIncident } from './bench-incident';
import type { InputOf } from '../electron/api/methods';
import { figure, median, time, timeAsync, type BenchSuite, type Figure } from './harness';

const caseCount = 10_000;
const auditEventCount = 100_000;
const start = Date.parse('2017-08-03T07:00:00.000Z');

/** A realistic spread: most cases early in the workflow, a tail through patching and back. */
const stateWeights: [CaseState, number][] = [
  ['at_risk', 30],
  ['assessing', 20],
  ['protected_connected', 8],
  ['deferred', 8],
  ['standalone', 12],
  ['patching', 6],
  ['verifying', 4],
  ['reconnecting', 2],
  ['returned_to_service', 8],
  ['quarantined', 1],
  ['restoring', 1],
];
const sites = ['Campus Nord', 'Campus Süd', 'Clinic West'];
const buildings = ['A', 'B', 'C', 'D'];
const departments = [
  'Nuclear medicine',
  'Radiology',
  'Cardiology',
  'Oncology',
  'Emergency',
  'ICU',
  'Laboratory',
  'Surgery',
];
const devices = [
  ['Siemens', 'Biograph mCT', 'PET/CT', 'PT'],
  ['Siemens', 'Symbia Intevo 16', 'SPECT/CT', 'NM'],
  ['GE', 'Revolution CT', 'CT', 'CT'],
  ['Philips', 'Ingenia 3T', 'MR', 'MR'],
  ['Siemens', 'syngo.via', 'workplace', 'OT'],
] as const;

/** A deterministic pseudo-random sequence, so every run builds the same facility. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function pickState(r: number): CaseState {
  const total = stateWeights.reduce((sum, [, w]) => sum + w, 0);
  let at = r * total;
  for (const [state, w] of stateWeights) {
    if ((at -= w) < 0) return state;
  }
  return 'at_risk';
}

/** 10,000 devices and cases, 40 staff, some answers, flags and overdue re-checks: SQL only. */
export function buildIncident(b: BenchIncident): number[] {
  const { db, incidentId, advisoryId, revisionId } = b;
  const { id: templateId, version: templateVersion } = b.template;
  const random = rng(42);
  const now = new Date(start).toISOString();
  const staff: number[] = [];
  const addUser = db.prepare(
    `INSERT INTO users (display_name, credential_kind, credential_hash, created_at, updated_at)
     VALUES (?, 'pin', 'x', ?, ?)`,
  );
  const addRole = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  const addDevice = db.prepare(
    `INSERT INTO devices (asset_tag, vendor, model, family, modality, site, building, floor, room,
       department, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addCase = db.prepare(
    `INSERT INTO cases (incident_id, device_id, advisory_id, advisory_revision_id, template_id,
       template_version, state, state_entered_at, recheck_at, assignee_user_id,
       review_revision_id, review_flagged_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addHistory = db.prepare(
    `INSERT INTO case_history (case_id, event, from_state, to_state, at, user_id, role)
     VALUES (?, ?, ?, ?, ?, NULL, 'system')`,
  );
  const addAnswer = db.prepare(
    `INSERT INTO case_answers (case_id, section_id, item_id, value, answered_by, answered_role, answered_at)
     VALUES (?, ?, ?, ?, NULL, 'technologist', ?)`,
  );
  const gateBlocked = gateInjectedPatientWaiting(new Date(start + 3_600_000));
  const gateOk = gateClear(new Date(start + 3_600_000));
  const exposure = exposedOnClinicalNetwork('available');
  const caseIds: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < 40; i++) {
      const id = Number(addUser.run(`Staff member ${i + 1}`, now, now).lastInsertRowid);
      addRole.run(id, ['technologist', 'biomed', 'it_security', 'clinical_lead'][i % 4]);
      staff.push(id);
    }
    for (let i = 0; i < caseCount; i++) {
      const [vendor, model, family, modality] = devices[i % devices.length] ?? devices[0];
      const deviceId = Number(
        addDevice.run(
          `BRD-${String(i).padStart(5, '0')}`,
          vendor,
          model,
          family,
          modality,
          sites[Math.floor(random() * sites.length)],
          buildings[Math.floor(random() * buildings.length)],
          String(1 + Math.floor(random() * 5)),
          `R-${Math.floor(random() * 400)}`,
          departments[Math.floor(random() * departments.length)],
          now,
          now,
        ).lastInsertRowid,
      );
      const state = pickState(random());
      const entered = new Date(start + Math.floor(random() * 10 * 3_600_000)).toISOString();
      const recheck =
        state === 'deferred'
          ? new Date(start + Math.floor(random() * 6 * 3_600_000)).toISOString()
          : null;
      const assignee = random() < 0.7 ? (staff[Math.floor(random() * staff.length)] ?? null) : null;
      const review = state !== 'returned_to_service' && random() < 0.03;
      const caseId = Number(
        addCase.run(
          incidentId,
          deviceId,
          advisoryId,
          revisionId,
          templateId,
          templateVersion,
          state,
          entered,
          recheck,
          assignee,
          review ? revisionId : null,
          review ? entered : null,
          now,
          entered,
        ).lastInsertRowid,
      );
      caseIds.push(caseId);
      addHistory.run(caseId, 'opened', null, 'at_risk', now);
      if (state !== 'at_risk') addHistory.run(caseId, 'transition', 'at_risk', state, entered);
      // A share of assessing and deferred cases have answered their checklists.
      if ((state === 'assessing' || state === 'deferred') && random() < 0.2) {
        const gate = state === 'deferred' || random() < 0.5 ? gateBlocked : gateOk;
        for (const [item, value] of gate)
          addAnswer.run(caseId, 'patient_safety_gate', item, JSON.stringify(value), entered);
        for (const [item, value] of exposure)
          addAnswer.run(caseId, 'exposure_assessment', item, JSON.stringify(value), entered);
      }
    }
  })();
  return caseIds;
}

/** 100,000 audit events on the incident's cases, as many people over a day. */
export function buildAuditTrail(
  db: Database.Database,
  caseIds: readonly number[],
  staff: number,
): void {
  const random = rng(7);
  const actions = [
    'case.answered',
    'case.answered',
    'case.answered',
    'case.transitioned',
    'signoff.given',
    'case.assigned',
  ];
  db.transaction(() => {
    for (let i = 0; i < auditEventCount; i++) {
      const caseId = caseIds[Math.floor(random() * caseIds.length)] ?? 1;
      const action = actions[i % actions.length] ?? 'case.answered';
      const from = caseStates[Math.floor(random() * 8)] ?? 'at_risk';
      appendAuditEvent(db, new Date(start + Math.floor((i / auditEventCount) * 12 * 3_600_000)), {
        actor: { userId: 1 + (i % staff), role: 'biomed' },
        action,
        entityType: 'case',
        entityId: action === 'signoff.given' ? `${caseId}:technical_readiness` : caseId,
        payload:
          action === 'case.answered'
            ? { sectionId: 'backup', itemId: 'config_backup_taken', value: true, previous: null }
            : action === 'signoff.given'
              ? { kind: 'technical_readiness', role: 'biomed' }
              : action === 'case.assigned'
                ? { assignee: { userId: 2, name: 'Staff member 2' } }
                : { from, to: 'assessing' },
      });
    }
  })();
}

export const boardBench: BenchSuite = {
  name: 'board',
  async run() {
    const figures: Figure[] = [];
    const b = await startBenchIncident('Board bench', dayShift.at, dayShift.period);
    const { rt, db, incidentId } = b;
    try {
      const built = time(() => buildIncident(b));
      figures.push(
        figure(`build ${caseCount.toLocaleString('en-US')} cases via SQL`, built.ms, 'ms'),
      );
      db.exec('ANALYZE');

      const station = rt.client();
      const runs = async (n: number, input: InputOf<'board.get'>) => {
        const ms: number[] = [];
        let rows = 0;
        for (let i = 0; i < n; i++) {
          const { ms: one, value } = await timeAsync(() => station.value('board.get', input));
          ms.push(one);
          rows = value.totalMatching;
        }
        return { ms: median(ms), rows };
      };
      // The very first call runs the workflow rules for the attention lists; later calls reuse
      // them until something changes (see board-attention.ts), so it is reported on its own.
      const cold = await runs(1, { incidentId, limit: 100 });
      figures.push(
        figure(
          'board.get, first load (cold: attention lists computed), 10,000 cases',
          cold.ms,
          'ms',
          {
            atMost: 1000,
          },
        ),
      );
      const first = await runs(5, { incidentId, limit: 100 });
      figures.push(
        figure(
          'board.get, first page of 100, unfiltered, 10,000 cases (median of 5)',
          first.ms,
          'ms',
          {
            atMost: 1000,
          },
        ),
      );
      const filtered = await runs(7, {
        incidentId,
        filters: { departments: ['Radiology'], states: ['assessing'] },
        limit: 100,
      });
      figures.push(
        figure(
          `board.get, filtered by department + state (${filtered.rows} matching; median of 7)`,
          filtered.ms,
          'ms',
          { atMost: 100 },
        ),
      );
      const sorted = await runs(5, {
        incidentId,
        filters: { sites: ['Campus Nord'] },
        sort: { key: 'recheckAt', direction: 'desc' },
        offset: 2000,
        limit: 100,
      });
      figures.push(
        figure(
          'board.get, site filter, sorted by re-check, page at offset 2,000 (median of 5)',
          sorted.ms,
          'ms',
        ),
      );

      const caseIds = db
        .prepare('SELECT id FROM cases WHERE incident_id = ?')
        .pluck()
        .all(incidentId) as number[];
      const trail = time(() => buildAuditTrail(db, caseIds, 40));
      figures.push(
        figure(`append ${auditEventCount.toLocaleString('en-US')} audit events`, trail.ms, 'ms'),
      );
      const period = { start: '2017-08-03T07:00:00.000Z', end: '2017-08-03T19:00:00.000Z' };
      const ms: number[] = [];
      let read = 0;
      for (let i = 0; i < 3; i++) {
        const r = time(() => hics214Entries(db, incidentId, period));
        ms.push(r.ms);
        read = r.value.eventsRead;
      }
      figures.push(
        figure(
          `HICS 214 from ${read.toLocaleString('en-US')} audit events (median of 3)`,
          median(ms),
          'ms',
          {
            atMost: 1000,
          },
        ),
      );
    } finally {
      b.close();
    }
    return figures;
  },
};
