import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundledAdvisories } from '../advisories/bundled';
import { importAdvisory } from '../advisories/csaf-import';
import { anonymousActor } from '../audit/record';
import { stationCaller, type CallContext } from '../core/context';
import { operator } from '../pdf/test/demo-exports';
import { auditActionsSince, lastAuditId, typedCalls } from '../people/test/test-calls';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { commitDemoFacility } from './demo-facility';

/**
 * A demo load is several transactions (devices, accounts and settings; each bundled advisory;
 * the matches; the demo identity). A process killed between them leaves the demo there but
 * unfinished; `demo.load` by the demo administrator (or the command line) finishes it. Each test
 * commits the first part(s) only, as the kill would have left them, then calls again.
 */

const demoAdmin = { staffId: 'DEMO-ADMIN', secret: '271828' };
const bundled = ['ICSMA-17-215-01', 'ICSMA-17-215-02'];

let rt: TestRuntime;
let api: ReturnType<typeof typedCalls>;
let cli: ReturnType<typeof typedCalls>;
beforeEach(() => {
  rt = startTestRuntime();
  api = typedCalls(rt);
  cli = typedCalls({ client: () => rt.client(operator) });
});
afterEach(() => rt.cleanup());

/** The first transaction of a demo load at first run (no one signed in), and nothing after it. */
async function interruptedAfterFirstPart(): Promise<CallContext> {
  const ctx: CallContext = {
    services: rt.services,
    actor: anonymousActor,
    caller: stationCaller,
    user: null,
  };
  await commitDemoFacility(ctx);
  return ctx;
}

/** What a finished demo holds: the advisories, their matches and the demo identity. */
async function expectFinishedDemo(): Promise<void> {
  const advisories = await cli.value('advisories.list', {});
  expect(advisories.map((a) => a.trackingId).sort()).toEqual(bundled);
  const { matches } = await cli.value('matches.list', {});
  expect(matches.filter((m) => m.trackingId === 'ICSMA-17-215-02').length).toBeGreaterThan(0);
  const signing = await cli.value('signing.status', {});
  expect(signing.identity?.demo).toBe(true);
  expect(await cli.value('app.info', {})).toMatchObject({
    demoLoaded: true,
    demoUnfinished: false,
  });
  // Every step was audited with its rows: the chain and the replay of the records agree.
  expect(await cli.value('audit.verify', {})).toMatchObject({ ok: true, firstBad: null });
}

describe('an interrupted demo load', () => {
  it('is finished by the demo administrator after a kill right after the first transaction', async () => {
    await interruptedAfterFirstPart();
    expect(await api.value('app.info', {})).toMatchObject({
      demoLoaded: true,
      demoUnfinished: true,
    });
    // Not a first run any more (the demo accounts exist): only an administrator may finish it.
    expect((await api.error('demo.load', {})).code).toBe('unauthenticated');
    await api.value('session.signIn', { staffId: 'DEMO-BIOMED', secret: '864209' });
    expect((await api.error('demo.load', {})).code).toBe('forbidden');

    await api.value('session.handOver', demoAdmin);
    const before = lastAuditId(rt);
    const report = await api.value('demo.load', {});
    expect(report).toMatchObject({ devicesAdded: 0, advisoriesAdded: 2, resumed: true });
    // No second copy of the devices or accounts: only the missing steps ran.
    expect(auditActionsSince(rt, before)).not.toContain('demo.loaded');
    expect(auditActionsSince(rt, before)).toEqual(
      expect.arrayContaining(['advisory.imported', 'matches.computed']),
    );
    await expectFinishedDemo();
  }, 120_000);

  it('finishes only the demo identity when the advisories and matches were already in', async () => {
    const ctx = await interruptedAfterFirstPart();
    await loadBundledAdvisories(ctx);
    expect((await api.value('app.info', {})).demoUnfinished).toBe(true);

    const before = lastAuditId(rt);
    const report = await cli.value('demo.load', {});
    expect(report).toMatchObject({ devicesAdded: 0, advisoriesAdded: 0, resumed: true });
    expect(auditActionsSince(rt, before)).not.toContain('advisory.imported');
    expect(auditActionsSince(rt, before)).not.toContain('matches.computed');
    await expectFinishedDemo();
  }, 120_000);

  it('imports the advisory it did not reach and computes the matches after a kill between imports', async () => {
    const ctx = await interruptedAfterFirstPart();
    const first = path.join(rt.services.resourcesDir, 'advisories', 'icsma-17-215-01.json');
    await importAdvisory(ctx, {
      fileName: 'icsma-17-215-01.json',
      content: fs.readFileSync(first),
    });

    await api.value('session.signIn', demoAdmin);
    const report = await api.value('demo.load', {});
    expect(report).toMatchObject({ advisoriesAdded: 1, resumed: true });
    await expectFinishedDemo();
  }, 120_000);

  it('leaves a complete demo refused as before, with nothing written', async () => {
    await interruptedAfterFirstPart();
    await api.value('session.signIn', demoAdmin);
    await api.value('demo.load', {});
    const before = lastAuditId(rt);
    expect((await api.error('demo.load', {})).message).toContain('empty database');
    expect(lastAuditId(rt)).toBe(before);
  }, 120_000);

  it('is not finished once a real person has an account (the demo PINs are public)', async () => {
    await interruptedAfterFirstPart();
    await api.value('session.signIn', demoAdmin);
    await api.value('people.create', {
      displayName: 'Real Person',
      staffId: 'R-1',
      roles: ['biomed'],
      secret: '482915',
      mustChangeCredential: false,
    });
    const before = lastAuditId(rt);
    expect((await api.error('demo.load', {})).message).toContain('accounts of real people');
    expect(lastAuditId(rt)).toBe(before);
    expect((await api.value('app.info', {})).demoUnfinished).toBe(true);
  }, 120_000);
});
