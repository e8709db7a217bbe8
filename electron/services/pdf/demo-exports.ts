/**
 * For tests and the benchmark: the demo facility after the walkthrough, with a signing identity,
 * ready to export. NM-0001 went all the way to returned_to_service; the demo administrator
 * 陈静 Chen Jing also works as biomed and is assigned NM-0003, so a CJK name is in the records.
 */
import type { WalkthroughReport } from '../../api/domains/demo';
import { loadDemoWithSigningIdentity, testPassphrase } from '../signing/test/test-identity';
import { signInAs, type TestRuntime } from '../test/temp-runtime';
import type { Runtime } from '../runtime';

export const operator = { kind: 'operator', osUser: 'test' } as const;
export const demoTimeNow = '2017-08-03T09:00:00.000Z';
export const cjkDemoName = '陈静 Chen Jing (demo)';

async function ok<T>(
  result: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

export interface DemoExports {
  incidentId: number;
  fingerprint: string;
  /** Case id by asset tag (the walkthrough's four devices). */
  cases: Record<string, number>;
  chenUserId: number;
}

export async function setUpDemoForExports(rt: TestRuntime | Runtime): Promise<DemoExports> {
  const { fingerprintSha256 } = await loadDemoWithSigningIdentity(rt);
  const report = await ok<WalkthroughReport>(rt.dispatchAs(operator, 'demo.walkthrough', {}));
  const chenUserId = rt.services.db
    .prepare('SELECT id FROM users WHERE display_name = ?')
    .pluck()
    .get(cjkDemoName) as number;
  // The administrator who set up the identity lets 陈静 take on biomed work too (nobody changes
  // their own roles).
  await signInAs(rt, 'admin');
  await ok(rt.dispatch('people.update', { id: chenUserId, roles: ['admin', 'biomed'] }));
  const cases = Object.fromEntries(report.cases.map((c) => [c.assetTag, c.caseId]));
  await signInAs(rt, 'incident_commander');
  await ok(
    rt.dispatch('cases.assign', { caseIds: [cases['NM-0003']], assigneeUserId: chenUserId }),
  );
  const status = await ok<{ unlocked: boolean }>(rt.dispatchAs(operator, 'signing.status', {}));
  if (!status.unlocked) {
    await ok(rt.dispatchAs(operator, 'signing.unlock', { passphrase: testPassphrase }));
  }
  return { incidentId: report.incidentId, fingerprint: fingerprintSha256, cases, chenUserId };
}
