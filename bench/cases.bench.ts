import { insertCase } from '../electron/services/cases/case-open';
import { insertDevice } from '../electron/services/devices/devices';
import { gateInjectedPatientWaiting } from '../electron/services/demo/walkthrough-answers';
import { signInAs } from '../electron/services/test/temp-runtime';
import { benchOperator as operator, startBenchIncident } from './bench-incident';
import { figure, median, type BenchSuite, type Figure } from './harness';

const boardSize = 500;

/**
 * The incident board and the on-floor screen: `cases.list` over an incident of 500 cases (each
 * with a gate answered, so every row evaluates the gate and its next action), `cases.get` of one
 * case, and `cases.answer` (the autosave: validate, store, audit, return the whole case).
 */
export const casesBench: BenchSuite = {
  name: 'cases',
  async run() {
    const figures: Figure[] = [];
    const b = await startBenchIncident('Bench response', '2017-08-03T09:00:00.000Z', {
      start: '2017-08-03T09:00:00.000Z',
      end: '2017-08-03T21:00:00.000Z',
    });
    const { rt, db, clock, incidentId, advisoryId, revisionId, template } = b;
    const ic = { id: b.commanderUserId };
    try {
      const gate = gateInjectedPatientWaiting(clock.now());
      const now = clock.now().toISOString();
      const answer = db.prepare(
        `INSERT INTO case_answers (case_id, section_id, item_id, value, answered_by, answered_role, answered_at)
         VALUES (?, 'patient_safety_gate', ?, ?, ?, 'technologist', ?)`,
      );
      let firstCase = 0;
      db.transaction(() => {
        for (let i = 0; i < boardSize; i++) {
          const assetTag = `BENCH-${String(i).padStart(4, '0')}`;
          const deviceId = insertDevice(db, benchDevice(assetTag), now);
          const { caseId } = insertCase(
            db,
            {
              incidentId,
              deviceId,
              assetTag,
              advisoryId,
              trackingId: 'ICSMA-17-215-02',
              revisionId,
              version: '1',
              matchId: null,
              template,
            },
            { userId: ic.id, role: 'incident_commander' },
            now,
          );
          firstCase ||= caseId;
          for (const [item, value] of gate)
            answer.run(caseId, item, JSON.stringify(value), ic.id, now);
        }
      })();

      const runs = (n: number, fn: () => Promise<unknown>) => async () => {
        const ms: number[] = [];
        for (let i = 0; i < n; i++) {
          const start = process.hrtime.bigint();
          await fn();
          ms.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
        return median(ms);
      };
      const asOperator = rt.client(operator);
      const list = await runs(5, () => asOperator.value('cases.list', { incidentId }))();
      figures.push(
        figure(`cases.list, incident of ${boardSize} cases (median of 5)`, list, 'ms', {
          atMost: 1000,
        }),
      );
      const get = await runs(20, () => asOperator.value('cases.get', { caseId: firstCase }))();
      figures.push(figure('cases.get, one case (median of 20)', get, 'ms', { atMost: 50 }));
      await signInAs(rt, 'technologist');
      let flip = false;
      const station = rt.client();
      const save = await runs(20, () => {
        flip = !flip;
        return station.value('cases.answer', {
          caseId: firstCase,
          sectionId: 'patient_safety_gate',
          itemId: 'acquisition_running',
          value: flip,
        });
      })();
      figures.push(
        figure('cases.answer, autosave of one answer (median of 20)', save, 'ms', { atMost: 50 }),
      );
    } finally {
      b.close();
    }
    return figures;
  },
};

function benchDevice(assetTag: string) {
  return {
    assetTag,
    vendor: 'Siemens',
    model: 'Symbia Intevo 16',
    family: 'SPECT/CT',
    modality: 'NM',
    serialNumber: null,
    osName: 'Windows 7',
    osVersion: 'SP1',
    softwareVersion: 'VB20A',
    hostname: null,
    ipAddress: null,
    macAddress: null,
    aeTitle: null,
    networkSegment: null,
    site: 'Main',
    building: 'A',
    floor: '1',
    room: null,
    department: 'Nuclear medicine',
    criticality: 'high' as const,
    remoteUpdateCapable: true,
    backupMethod: null,
    serviceContact: null,
    notes: null,
  };
}
