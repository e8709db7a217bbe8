import { beforeAll, describe, expect, it } from 'vitest';
import { demoIncidentForFile, auditHead, testNow } from '../cases/test/case-test-setup';
import { auditSince, lastAuditId } from '../people/test/test-calls';
import { signInAs } from '../test/temp-runtime';

/** Opening incidents from confirmed matches, assigning devices, adding one by hand, closing. */

const d = demoIncidentForFile(['NM-0001', 'NM-0003', 'NM-0007']);
let start: number;
beforeAll(() => {
  start = lastAuditId(d.rt);
});

const period = { start: testNow, end: '2017-08-03T21:00:00.000Z' };

/** A new incident for the demo advisory, in the test's operational period. */
const incidentInput = (name: string, commanderUserId: number) => ({
  name,
  commanderUserId,
  operationalPeriod: period,
  advisoryIds: [d.advisoryId],
});

describe('incidents.create', () => {
  it('opens one case per confirmed match, in at_risk, recording the advisory revision and template version', async () => {
    await signInAs(d.rt, 'incident_commander');
    const incident = await d.api.value('incidents.get', { id: d.incidentId });
    expect(incident).toMatchObject({
      name: 'Test response',
      status: 'open',
      caseCount: 3,
      openCaseCount: 3,
      advisories: [{ id: d.advisoryId, trackingId: 'ICSMA-17-215-02', version: '1' }],
      countsByHics251: { fully_functional: 3, partially_functional: 0, non_functional: 0 },
    });
    expect(incident.countsByState.at_risk).toBe(3);
    expect(incident.countsByState.standalone).toBe(0);

    const { cases } = await d.api.value('cases.list', { incidentId: d.incidentId });
    // NM-0002, -0004, -0005 and -0008 are still only suggested: no case for them.
    expect(cases.map((c) => c.assetTag)).toEqual(['NM-0001', 'NM-0003', 'NM-0007']);
    expect(cases[0]).toMatchObject({
      state: 'at_risk',
      trackingId: 'ICSMA-17-215-02',
      advisoryVersion: '1',
      gateVerdict: 'incomplete',
      flags: [],
      assignee: null,
      nextAction: { target: 'assessing', allowed: true },
    });
    const rows = d.rt.services.db
      .prepare('SELECT template_id, template_version FROM cases WHERE incident_id = ?')
      .all(d.incidentId);
    expect(rows).toEqual(
      Array(3).fill({ template_id: 'icsma-standalone-response', template_version: 1 }),
    );
  });

  it('refuses a second incident of the same name, and skips devices already in an open case', async () => {
    const ic = await signInAs(d.rt, 'incident_commander');
    const input = incidentInput('test RESPONSE', ic.id);
    const same = await d.api.error('incidents.create', input);
    expect(same).toMatchObject({ code: 'conflict', details: { field: 'name' } });

    const before = lastAuditId(d.rt);
    const second = await d.api.value('incidents.create', { ...input, name: 'Second shift' });
    expect(second.casesOpened).toBe(0);
    expect(second.skipped.map((s) => s.assetTag)).toEqual(['NM-0001', 'NM-0003', 'NM-0007']);
    expect(second.skipped[0]?.reason).toContain('Test response');
    expect(auditSince(d.rt, before).map((e) => e.action)).toEqual(['incident.created']);
  });

  it('is the incident commander’s, with an incident commander in command', async () => {
    const tech = await signInAs(d.rt, 'technologist');
    const input = incidentInput('Not mine', tech.id);
    expect((await d.api.error('incidents.create', input)).code).toBe('forbidden');
    await signInAs(d.rt, 'incident_commander');
    const notCommander = await d.api.error('incidents.create', input);
    expect(notCommander).toMatchObject({
      code: 'invalid_input',
      details: { field: 'commanderUserId' },
    });
    const backwards = await d.api.error('incidents.create', {
      ...input,
      commanderUserId: (await signInAs(d.rt, 'incident_commander')).id,
      operationalPeriod: { start: period.end, end: period.start },
    });
    expect(backwards.details).toMatchObject({ field: 'operationalPeriod' });
  });

  it('the opening is audited: the incident and each case', () => {
    const events = auditSince(d.rt, 0).filter(
      (e) => e.action.startsWith('incident.') || e.action === 'case.opened',
    );
    expect(events.slice(0, 4).map((e) => [e.action, e.entityType])).toEqual([
      ['incident.created', 'incident'],
      ['case.opened', 'case'],
      ['case.opened', 'case'],
      ['case.opened', 'case'],
    ]);
    expect(events[0]?.id).toBeLessThan(start + 1);
  });
});

describe('cases.assign', () => {
  it('assigns one or many cases; "My devices" lists them; only the commander assigns', async () => {
    const tech = await signInAs(d.rt, 'technologist');
    const ids = [d.caseOf('NM-0001'), d.caseOf('NM-0003')];
    expect(
      (await d.api.error('cases.assign', { caseIds: ids, assigneeUserId: tech.id })).code,
    ).toBe('forbidden');

    await signInAs(d.rt, 'incident_commander');
    const before = lastAuditId(d.rt);
    const result = await d.api.value('cases.assign', { caseIds: ids, assigneeUserId: tech.id });
    expect(result.cases.map((c) => [c.assetTag, c.assignee?.userId])).toEqual([
      ['NM-0001', tech.id],
      ['NM-0003', tech.id],
    ]);
    expect(auditSince(d.rt, before).map((e) => [e.action, e.entityId])).toEqual(
      ids.map((id) => ['case.assigned', String(id)]),
    );
    // Assigning again to the same person changes nothing.
    const head = auditHead(d.rt);
    await d.api.value('cases.assign', { caseIds: ids, assigneeUserId: tech.id });
    expect(auditHead(d.rt)).toEqual(head);

    const admin = await signInAs(d.rt, 'admin');
    await signInAs(d.rt, 'incident_commander');
    const toAdmin = await d.api.error('cases.assign', { caseIds: ids, assigneeUserId: admin.id });
    expect(toAdmin.details).toMatchObject({ field: 'assigneeUserId' });

    await signInAs(d.rt, 'technologist');
    const mine = await d.api.value('cases.list', { mine: true });
    expect(mine.cases.map((c) => c.assetTag)).toEqual(['NM-0001', 'NM-0003']);
    const detail = await d.api.value('cases.get', { caseId: ids[0] ?? 0 });
    expect(detail.history.at(-1)).toMatchObject({
      event: 'assigned',
      detail: { assignee: { userId: tech.id } },
    });

    await signInAs(d.rt, 'incident_commander');
    await d.api.value('cases.assign', { caseIds: [ids[1] ?? 0], assigneeUserId: null });
    await signInAs(d.rt, 'technologist');
    expect((await d.api.value('cases.list', { mine: true })).cases.map((c) => c.assetTag)).toEqual([
      'NM-0001',
    ]);
  });
});

describe('cases.addDevice and cases.quarantine', () => {
  it('adds a device by hand with its advisory, once; quarantines it with a reason', async () => {
    await signInAs(d.rt, 'biomed');
    const device = await d.api.value('devices.list', { search: 'NM-0002' });
    const deviceId = device.devices[0]?.id ?? 0;
    const input = {
      incidentId: d.incidentId,
      deviceId,
      advisoryId: d.advisoryId,
      reason: 'Seen on site.',
    };
    const c = await d.api.value('cases.addDevice', input);
    expect(c).toMatchObject({ state: 'at_risk', device: { assetTag: 'NM-0002' } });
    expect(c.history[0]).toMatchObject({
      event: 'opened',
      detail: { byHand: true, reason: 'Seen on site.' },
    });
    expect((await d.api.error('cases.addDevice', input)).code).toBe('conflict');

    await signInAs(d.rt, 'technologist');
    const noReason = await d.api.error('cases.quarantine', { caseId: c.caseId, reason: ' ' });
    expect(noReason.code).toBe('invalid_input');
    const q = await d.api.value('cases.quarantine', {
      caseId: c.caseId,
      reason: 'Unknown process listening on 3465/tcp.',
    });
    expect(q).toMatchObject({
      state: 'quarantined',
      hics251: 'non_functional',
      phaseSections: ['evidence_preservation'],
    });
    expect(q.history.at(-1)?.detail).toMatchObject({
      reason: 'Unknown process listening on 3465/tcp.',
    });
    const twice = await d.api.error('cases.quarantine', { caseId: c.caseId, reason: 'again' });
    expect(twice.code).toBe('conflict');
  });
});

describe('incidents.close', () => {
  it('is refused while any case is open, naming them, and changes nothing', async () => {
    await signInAs(d.rt, 'incident_commander');
    const head = auditHead(d.rt);
    const error = await d.api.error('incidents.close', { id: d.incidentId, summary: 'Done.' });
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('still has 4 open cases');
    expect(
      (error.details as { openCases: { assetTag: string }[] }).openCases.map((c) => c.assetTag),
    ).toEqual(['NM-0001', 'NM-0002', 'NM-0003', 'NM-0007']);
    expect(auditHead(d.rt)).toEqual(head);
    expect((await d.api.value('incidents.get', { id: d.incidentId })).status).toBe('open');
    expect((await d.api.value('incidents.list', { status: 'open' })).map((i) => i.name)).toEqual([
      'Second shift',
      'Test response',
    ]);
  });
});
