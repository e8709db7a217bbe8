import { describe, expect, it } from 'vitest';
import { verifyRecords } from '../audit/replay-check';
import { signAs } from '../cases/test/case-test-setup';
import { signInAs } from '../test/temp-runtime';
import { exchangeThroughFolder, slow, stationId } from './test/facility-setup';
import {
  accountsThenCommander,
  handCaseOn as handOn,
  handOnFacility,
  handedTo,
  verifiedCase,
} from './test/handed-case';

/**
 * A case handed from the laptop to the biomed workstation and back: the sign-offs that could not
 * come with it are named in the import report and on the Exchange page, and the laptop reopens
 * its own case with the biomed workstation's work in its history, instead of waiting for the
 * commander's choice between it and itself.
 */

const { f, laptop, biomed } = handOnFacility();

describe('a case handed on and back', () => {
  let laptopCase: number;
  let biomedCase: number;

  it(
    'names, in the import report and the exchange status, the sign-offs whose signer has no account at the receiver',
    slow,
    async () => {
      const verified = await verifiedCase(laptop, 'NM-0007');
      laptopCase = verified.caseId;
      const given = verified.given;
      const itSigner = given.signoffs.find((s) => s.kind === 'verification_it')?.userName;
      expect(itSigner).toBeDefined();
      await handOn(laptop, laptopCase, biomed);
      // The same people have accounts at the biomed workstation (staff IDs in the same order),
      // but for IT security.
      await accountsThenCommander(biomed, ['technologist', 'biomed', 'clinical_lead']);

      const reports = await exchangeThroughFolder(f, [laptop, biomed]);
      const report = reports.get('Biomed workstation');
      expect(report?.waitingCases).toEqual([]);
      expect(report?.receivedCases).toHaveLength(1);
      const received = report?.receivedCases[0];
      expect(received).toMatchObject({
        fromStationName: 'NM laptop 2',
        assetTag: 'NM-0007',
        handedBack: false,
        signoffsNotCarried: [{ kind: 'verification_it', name: itSigner }],
      });
      biomedCase = received?.caseId ?? 0;
      const detail = await biomed.api.value('cases.get', { caseId: biomedCase });
      expect(detail.signing.find((s) => s.kind === 'verification_it')?.given).toBe(false);
      const status = await biomed.api.value('exchange.status', {});
      expect(status.signoffsNotCarried).toEqual([received]);
      // The laptop received nothing, and names nothing.
      expect(reports.get('NM laptop 2')?.receivedCases).toEqual([]);
      expect((await laptop.api.value('exchange.status', {})).signoffsNotCarried).toEqual([]);
    },
  );

  it(
    'handed back, reopens the case it handed on, with the other station’s work in its history',
    slow,
    async () => {
      const biomedUser = await signInAs(biomed.rt, 'biomed');
      await signInAs(biomed.rt, 'incident_commander');
      await biomed.api.value('cases.assign', {
        caseIds: [biomedCase],
        assigneeUserId: biomedUser.id,
      });
      const before = await laptop.api.value('cases.get', { caseId: laptopCase });
      expect(before.transferredTo).not.toBeNull();
      await handOn(biomed, biomedCase, laptop);
      // Handed on, it no longer asks the biomed workstation for the sign-off it lacked.
      expect((await biomed.api.value('exchange.status', {})).signoffsNotCarried).toEqual([]);

      const reports = await exchangeThroughFolder(f, [biomed, laptop]);
      const report = reports.get('NM laptop 2');
      expect(report?.waitingCases).toEqual([]);
      expect(report?.receivedCases).toMatchObject([
        {
          caseId: laptopCase,
          fromStationName: 'Biomed workstation',
          handedBack: true,
          signoffsNotCarried: [],
        },
      ]);
      // The same case, held here again: no second case for the device.
      const { cases } = await laptop.api.value('cases.list', { incidentId: laptop.incidentId });
      expect(cases.filter((c) => c.assetTag === 'NM-0007').map((c) => c.caseId)).toEqual([
        laptopCase,
      ]);
      const after = await laptop.api.value('cases.get', { caseId: laptopCase });
      expect(after.transferredTo).toBeNull();
      expect(after.state).toBe('verifying');
      expect(after.assignee?.name).toBe(biomedUser.displayName);
      // Its history goes on with the biomed workstation's entries (taken over, the assignment,
      // handed back), once each, then its own: taken back.
      expect(before.history.at(-1)?.event).toBe('handed_over');
      const added = after.history.slice(before.history.length);
      expect(added.map((h) => [h.event, h.station, h.detail.station, h.detail.back])).toEqual([
        ['taken_over', 'Biomed workstation', 'NM laptop 2', undefined],
        ['assigned', 'Biomed workstation', undefined, undefined],
        ['handed_over', 'Biomed workstation', 'NM laptop 2', true],
        ['taken_over', 'NM laptop 2', 'Biomed workstation', true],
      ]);
      // Its own sign-offs stay as they were (the IT security one included), none twice.
      expect(after.signoffs.map((s) => [s.kind, s.userName, s.stale])).toEqual(
        before.signoffs.map((s) => [s.kind, s.userName, s.stale]),
      );
      expect(after.signing.find((s) => s.kind === 'verification_it')?.given).toBe(true);
      expect(verifyRecords(laptop.rt.services.db).ok).toBe(true);

      // It is worked at the laptop again.
      await signInAs(laptop.rt, 'incident_commander');
      await laptop.api.value('cases.assign', { caseIds: [laptopCase], assigneeUserId: null });
    },
  );

  it(
    'the command post and the biomed workstation take the laptop’s bundle: the case is held at the laptop again',
    slow,
    async () => {
      const reports = await exchangeThroughFolder(f, [laptop, biomed, f.post]);
      for (const name of ['Biomed workstation', 'Command post']) {
        const outcomes = reports.get(name)?.outcomes ?? [];
        expect(outcomes.filter((o) => o.status === 'refused')).toEqual([]);
      }
      expect(handedTo(f.post, laptop, laptopCase)).toBeNull();
      expect(handedTo(f.post, biomed, biomedCase)).toBe(stationId(laptop));
      expect(handedTo(biomed, laptop, laptopCase)).toBeNull();
      const board = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
      const rows = board.rows.filter((r) => r.assetTag === 'NM-0007');
      expect(rows.map((r) => r.station?.name)).toEqual(['NM laptop 2']);
    },
  );

  it(
    'handed to the biomed workstation again, asks for the sign-off it lacks there until it is given again',
    slow,
    async () => {
      await handOn(laptop, laptopCase, biomed);
      await exchangeThroughFolder(f, [laptop, biomed]);
      const asked = await biomed.api.value('exchange.status', {});
      expect(asked.signoffsNotCarried).toMatchObject([
        {
          caseId: biomedCase,
          handedBack: true,
          signoffsNotCarried: [{ kind: 'verification_it' }],
        },
      ]);
      await signAs(biomed, 'it_security', biomedCase, 'verification_it');
      const detail = await biomed.api.value('cases.get', { caseId: biomedCase });
      expect(detail.signing.find((s) => s.kind === 'verification_it')?.given).toBe(true);
      expect((await biomed.api.value('exchange.status', {})).signoffsNotCarried).toEqual([]);
      expect(verifyRecords(biomed.rt.services.db).ok).toBe(true);
    },
  );
});
