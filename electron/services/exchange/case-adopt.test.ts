import { describe, expect, it } from 'vitest';
import type { BundleImportReport } from '../../api/domains/exchange';
import { verifyRecords } from '../audit/replay-check';
import { tableHash } from '../test/hostile/table-hash';
import { signInAs } from '../test/temp-runtime';
import {
  exchangeThroughFolder,
  slow,
  stationId,
  type FacilityStation,
} from './test/facility-setup';
import {
  accountsThenCommander,
  handCaseOn,
  handOnFacility,
  verifiedCase,
} from './test/handed-case';

/**
 * A case handed from the laptop to the biomed workstation: signed with the person's PIN, carried
 * with its sign-offs and assignee, and, when the biomed workstation lacks what the case refers
 * to, waiting with that named until it is there.
 */

const { f, laptop, biomed } = handOnFacility();

const idOf = (s: FacilityStation, sql: string, value: string) =>
  s.rt.services.db.prepare(sql).pluck().get(value) as number;
const deviceId = (s: FacilityStation, tag: string) =>
  idOf(s, 'SELECT id FROM devices WHERE asset_tag = ?', tag);
const advisoryId = (s: FacilityStation, trackingId: string) =>
  idOf(s, 'SELECT id FROM advisories WHERE tracking_id = ?', trackingId);
/** The case the biomed workstation opened for the laptop's case `caseId`, if any. */
const received = (caseId: number) =>
  biomed.rt.services.db
    .prepare(
      'SELECT id FROM cases WHERE transferred_from_station = ? AND transferred_from_case = ?',
    )
    .pluck()
    .get(stationId(laptop), caseId) as number | undefined;

const handOn = (caseId: number) => handCaseOn(laptop, caseId, biomed);

describe('handing a case on', () => {
  it(
    'is signed: without the person’s PIN, or with a wrong one, nothing is handed on',
    slow,
    async () => {
      const caseId = laptop.caseOf('NM-0003');
      await signInAs(laptop.rt, 'incident_commander');
      const db = laptop.rt.services.db;
      const before = tableHash(db);
      const unsigned = await laptop.api.error('cases.transfer', {
        caseId,
        stationId: stationId(biomed),
      });
      expect(unsigned).toMatchObject({ code: 'invalid_input', details: { field: 'signoff' } });
      expect(unsigned.message).toContain('with your PIN or password');
      expect(tableHash(db)).toBe(before);
      const wrong = await laptop.api.error('cases.transfer', {
        caseId,
        stationId: stationId(biomed),
        signoff: { secret: '000000' },
      });
      expect(wrong.code).toBe('unauthenticated');
      const detail = await laptop.api.value('cases.get', { caseId });
      expect(detail.transferredTo).toBeNull();
    },
  );

  it(
    'carries the sign-offs, valid as they were, and the assignee; a signer with no account there is named',
    slow,
    async () => {
      const { caseId, given } = await verifiedCase(laptop, 'NM-0007');
      const valid = given.signoffs.filter((s) => !s.stale).map((s) => s.kind);
      expect(valid).toEqual(
        expect.arrayContaining(['verification_biomed', 'verification_it', 'technical_readiness']),
      );
      const biomedUser = await signInAs(laptop.rt, 'biomed');
      await signInAs(laptop.rt, 'incident_commander');
      const assigned = await laptop.api.value('cases.assign', {
        caseIds: [caseId],
        assigneeUserId: biomedUser.id,
      });
      const assignee = assigned.cases[0]?.assignee?.name;
      expect(assignee).toBeDefined();
      await handOn(caseId);
      // The same people have accounts at the biomed workstation (staff IDs given in the same
      // order), but for IT security: that sign-off cannot count there.
      await accountsThenCommander(biomed, ['clinical_lead', 'technologist']);
      await exchangeThroughFolder(f, [laptop, biomed]);

      const id = received(caseId);
      expect(id).toBeDefined();
      const detail = await biomed.api.value('cases.get', { caseId: id as number });
      expect(detail.state).toBe('verifying');
      expect(detail.assignee?.name).toBe(assignee);
      const carried = detail.signoffs.map((s) => [s.kind, s.userName, s.stale]);
      expect(carried).toEqual(
        given.signoffs
          .filter((s) => s.kind !== 'verification_it')
          .map((s) => [s.kind, s.userName, s.stale]),
      );
      expect(detail.signing.find((s) => s.kind === 'verification_biomed')?.given).toBe(true);
      expect(detail.signing.find((s) => s.kind === 'verification_it')?.given).toBe(false);
      const event = biomed.rt.services.db
        .prepare('SELECT body FROM audit_events WHERE body LIKE \'%"case.received"%\'')
        .pluck()
        .get() as string;
      expect(JSON.parse(event)).toMatchObject({
        payload: {
          fromStationName: 'NM laptop 2',
          signoffsNotCarried: [
            {
              kind: 'verification_it',
              name: given.signoffs.find((s) => s.kind === 'verification_it')?.userName,
            },
          ],
        },
      });
      // The copied records are bound to the biomed workstation's own chain.
      expect(verifyRecords(biomed.rt.services.db).ok).toBe(true);
    },
  );

  it(
    'waits, naming what the receiving station lacks, and is opened once that is there',
    slow,
    async () => {
      // The biomed workstation opened NM-0003 itself; no incident there works ICSMA-17-215-01.
      await signInAs(biomed.rt, 'incident_commander');
      await biomed.api.value('cases.addDevice', {
        incidentId: biomed.incidentId,
        deviceId: deviceId(biomed, 'NM-0003'),
        advisoryId: advisoryId(biomed, 'ICSMA-17-215-02'),
        reason: 'The camera was brought to the biomed workshop.',
      });
      await signInAs(laptop.rt, 'incident_commander');
      const other = await laptop.api.value('cases.addDevice', {
        incidentId: laptop.incidentId,
        deviceId: deviceId(laptop, 'NM-0006'),
        advisoryId: advisoryId(laptop, 'ICSMA-17-215-01'),
        reason: 'Same vendor software on this workstation.',
      });
      await handOn(laptop.caseOf('NM-0003'));
      await handOn(other.caseId);

      const receivedCount = () =>
        biomed.rt.services.db
          .prepare('SELECT count(*) FROM audit_events WHERE body LIKE \'%"case.received"%\'')
          .pluck()
          .get();
      const before = receivedCount();
      const reports = await exchangeThroughFolder(f, [laptop, biomed]);
      const report = reports.get('Biomed workstation') as BundleImportReport;
      expect(report.waitingCases.map((w) => [w.assetTag, w.reasonCode])).toEqual([
        ['NM-0003', 'own_case'],
        ['NM-0006', 'incident'],
      ]);
      expect(report.waitingCases[1]?.reason).toBe(
        'The case of NM-0006 (ICSMA-17-215-01) handed over by the station "NM laptop 2" waits: no open incident at this station works the advisory ICSMA-17-215-01.',
      );
      expect(received(laptop.caseOf('NM-0003'))).toBeUndefined();
      expect(received(other.caseId)).toBeUndefined();
      const status = await biomed.api.value('exchange.status', {});
      expect(status.waitingCases).toEqual(report.waitingCases);
      expect(receivedCount()).toBe(before);

      // The biomed workstation's incident takes ICSMA-17-215-01 on: at the next exchange the
      // waiting case is opened, with nothing new from the laptop.
      await biomed.api.value('cases.addDevice', {
        incidentId: biomed.incidentId,
        deviceId: deviceId(biomed, 'NM-0005'),
        advisoryId: advisoryId(biomed, 'ICSMA-17-215-01'),
        reason: 'Same vendor software on this camera.',
      });
      const again = await exchangeThroughFolder(f, [biomed]);
      expect(again.get('Biomed workstation')?.waitingCases.map((w) => w.assetTag)).toEqual([
        'NM-0003',
      ]);
      const opened = received(other.caseId);
      expect(opened).toBeDefined();
      const detail = await biomed.api.value('cases.get', { caseId: opened as number });
      expect([detail.device.assetTag, detail.advisory.trackingId]).toEqual([
        'NM-0006',
        'ICSMA-17-215-01',
      ]);
    },
  );
});

describe('the station that handed a case on', () => {
  it(
    'no longer counts it in its briefing, case lists, incident counts or priorities; it lists it as held by the other station',
    slow,
    async () => {
      const caseId = laptop.caseOf('NM-0007');
      await signInAs(laptop.rt, 'incident_commander');
      const incidentId = laptop.incidentId;
      const { cases } = await laptop.api.value('cases.list', { incidentId });
      expect(cases.find((c) => c.caseId === caseId)?.station).toBe('Biomed workstation');
      const open = await laptop.api.value('cases.list', { incidentId, openOnly: true });
      expect(open.cases.map((c) => c.assetTag)).not.toContain('NM-0007');
      expect(open.total).toBe(open.cases.length);
      const held = cases.filter((c) => c.station === 'NM laptop 2').length;
      const briefing = await laptop.api.value('reports.briefing', { incidentId });
      const here = briefing.situation.byStation.find((s) => s.station === 'NM laptop 2');
      expect(here?.caseCount).toBe(held);
      expect(briefing.topPriorities.filter((p) => p.heldHere).map((p) => p.caseId)).not.toContain(
        caseId,
      );
      // The incident counts the whole facility as the board does: the case once, as the biomed's.
      const board = await laptop.api.value('board.get', { incidentId });
      expect(
        board.rows.filter((r) => r.assetTag === 'NM-0007').map((r) => r.station?.name),
      ).toEqual(['Biomed workstation']);
      const incident = await laptop.api.value('incidents.get', { id: incidentId });
      expect(incident.caseCount).toBe(board.totalCases);
      const priorities = await laptop.api.value('threats.priorities', { incidentId });
      expect(priorities.map((p) => p.caseId)).not.toContain(caseId);
    },
  );
});
