import { describe, expect, it } from 'vitest';
import { auditSince } from '../people/test/test-calls';
import { tableHash } from '../test/hostile/table-hash';
import { signInAs } from '../test/temp-runtime';
import { exchangeThroughFolder, facilityForFile, slow } from './test/facility-setup';

const trackingId = 'ICSMA-17-215-02';
// Both floor stations open a case for NM-0003; NM-0005 and NM-0001 are held at one station each.
const f = facilityForFile({
  devices: {
    post: ['NM-0001'],
    floors: [
      ['NM laptop 2', ['NM-0003']],
      ['Biomed workstation', ['NM-0003', 'NM-0005']],
    ],
  },
});

describe('two stations open a case for the same device', () => {
  it(
    'lists the conflict at the command post, on the board too, merging nothing',
    slow,
    async () => {
      const { conflicts } = await f.post.api.value('conflicts.list', {
        incidentId: f.post.incidentId,
      });
      expect(conflicts).toHaveLength(1);
      const [conflict] = conflicts;
      expect(conflict).toMatchObject({ assetTag: 'NM-0003', trackingId, decision: null });
      expect(conflict?.cases.map((c) => [c.stationName, c.here, c.state])).toEqual([
        ['Biomed workstation', false, 'at_risk'],
        ['NM laptop 2', false, 'at_risk'],
      ]);
      const board = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
      expect(board.conflicts).toEqual(conflicts);
      // Both cases stay on the board until the commander chooses.
      expect(board.rows.filter((r) => r.assetTag === 'NM-0003')).toHaveLength(2);
    },
  );

  it(
    'the commander chooses which station holds it, audited, and only its case stays on the board; bad choices change nothing',
    slow,
    async () => {
      const db = f.post.rt.services.db;
      const { conflicts } = await f.post.api.value('conflicts.list', {
        incidentId: f.post.incidentId,
      });
      const laptop = conflicts[0]?.cases.find((c) => c.stationName === 'NM laptop 2');
      if (!laptop) throw new Error('no case of NM laptop 2');
      const before = tableHash(db);
      const stranger = await f.post.api.error('conflicts.choose', {
        assetTag: 'NM-0003',
        trackingId,
        stationId: '00000000-0000-4000-8000-000000000000',
      });
      expect(stranger.message).toMatch(
        /holds no case for device NM-0003.*"Biomed workstation", "NM laptop 2"/,
      );
      const single = await f.post.api.error('conflicts.choose', {
        assetTag: 'NM-0005',
        trackingId,
        stationId: laptop.stationId,
      });
      expect(single).toMatchObject({ code: 'not_found' });
      expect(single.message).toContain('No two stations hold a case for device NM-0005');
      expect(tableHash(db)).toBe(before);
      await signInAs(f.post.rt, 'biomed');
      const biomed = await f.post.api.error('conflicts.choose', {
        assetTag: 'NM-0003',
        trackingId,
        stationId: laptop.stationId,
      });
      expect(biomed.code).toBe('forbidden');
      expect(db.prepare('SELECT count(*) FROM case_conflict_decisions').pluck().get()).toBe(0);

      const commander = await signInAs(f.post.rt, 'incident_commander');
      const chosen = await f.post.api.value('conflicts.choose', {
        assetTag: 'NM-0003',
        trackingId,
        stationId: laptop.stationId,
        reason: 'The laptop is at the scanner.',
      });
      expect(chosen.decision).toMatchObject({
        stationId: laptop.stationId,
        stationName: 'NM laptop 2',
        decidedBy: commander.displayName,
        reason: 'The laptop is at the scanner.',
      });
      const events = (
        db
          .prepare("SELECT body FROM audit_events WHERE entity_type = 'device' AND entity_id = ?")
          .pluck()
          .all('NM-0003') as string[]
      )
        .map((body) => JSON.parse(body) as Record<string, unknown>)
        .filter((e) => e.action === 'case_conflict.decided');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorUserId: commander.id,
        actorRole: 'incident_commander',
        payload: { assetTag: 'NM-0003', trackingId, stationName: 'NM laptop 2', before: null },
      });
      // The case the commander did not choose leaves the board and its counts.
      const board = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
      expect(board.conflicts[0]?.decision?.stationName).toBe('NM laptop 2');
      expect(board.totalCases).toBe(3);
      expect(board.rows.map((r) => [r.assetTag, r.station?.name])).toEqual([
        ['NM-0001', 'Command post'],
        ['NM-0003', 'NM laptop 2'],
        ['NM-0005', 'Biomed workstation'],
      ]);
    },
  );

  it(
    'the choice travels to the floors: the station that lost keeps its case read-only, saying who holds it',
    slow,
    async () => {
      const [laptop, biomed] = f.floors;
      if (!laptop || !biomed) throw new Error('no floor stations');
      await exchangeThroughFolder(f);
      const caseId = biomed.caseOf('NM-0003');
      const lost = await biomed.api.value('cases.get', { caseId });
      expect(lost.heldElsewhere).toMatchObject({
        stationName: 'NM laptop 2',
        reason: 'The laptop is at the scanner.',
      });
      const before = tableHash(biomed.rt.services.db);
      const step = await biomed.api.error('cases.transition', { caseId, target: 'assessing' });
      expect(step.message).toContain(
        'The case of NM-0003 is held by station "NM laptop 2": the incident commander chose that station for it',
      );
      const answer = await biomed.api.error('cases.answer', {
        caseId,
        sectionId: 'patient_safety_gate',
        itemId: 'acquisition_running',
        value: true,
      });
      expect(answer.message).toContain('held by station "NM laptop 2"');
      expect(tableHash(biomed.rt.services.db)).toBe(before);
      // Told once, by the station itself, in its chain: the command post sees it was told.
      const told = auditSince(biomed.rt).filter((e) => e.action === 'case.held_elsewhere');
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ entityId: String(caseId), actorRole: 'system' });
      // Its HICS 214 says so, as an activity of the station's system.
      const hics214 = await biomed.api.value('reports.hics214', { incidentId: biomed.incidentId });
      expect(hics214.entries.flatMap((e) => e.activities.map((a) => a.activity))).toContain(
        'Stopped working on NM-0003: the incident commander chose station "NM laptop 2" to hold the case',
      );
      // Its other case and the chosen station's case are worked as before.
      await biomed.api.value('cases.transition', {
        caseId: biomed.caseOf('NM-0005'),
        target: 'assessing',
      });
      const kept = await laptop.api.value('cases.transition', {
        caseId: laptop.caseOf('NM-0003'),
        target: 'assessing',
      });
      expect(kept.heldElsewhere).toBeNull();
      await exchangeThroughFolder(f);
      expect(tableHash(biomed.rt.services.db)).not.toBe(before);
      expect(auditSince(biomed.rt).filter((e) => e.action === 'case.held_elsewhere')).toHaveLength(
        1,
      );
    },
  );
});
