/**
 * For tests and the benchmark: the demo facility after the walkthrough, with a signing identity,
 * ready to export. NM-0001 went all the way to returned_to_service; the demo administrator
 * 陈静 Chen Jing also works as biomed and is assigned NM-0003, so a CJK name is in the records.
 */
import { loadDemoWithSigningIdentity, testPassphrase } from '../../signing/test/test-identity';
import { signInAs, testOperator, type TestRuntime } from '../../test/temp-runtime';
import type { Runtime } from '../../runtime';

export const operator = testOperator;
export const demoTimeNow = '2017-08-03T09:00:00.000Z';
export const cjkDemoName = '陈静 Chen Jing (demo)';

export interface DemoExports {
  incidentId: number;
  fingerprint: string;
  /** Case id by asset tag (the walkthrough's four devices). */
  cases: Record<string, number>;
  chenUserId: number;
}

/** The id of the walkthrough's case of the device `assetTag` (NM-0001, -0003, -0007 or -0008). */
export function demoCase({ cases }: Pick<DemoExports, 'cases'>, assetTag: string): number {
  const id = cases[assetTag];
  if (id === undefined) throw new Error(`the walkthrough did not open a case of ${assetTag}`);
  return id;
}

export async function setUpDemoForExports(rt: TestRuntime | Runtime): Promise<DemoExports> {
  const { fingerprintSha256 } = await loadDemoWithSigningIdentity(rt);
  const asOperator = rt.client(operator);
  const asStation = rt.client();
  const report = await asOperator.value('demo.walkthrough', {});
  const chenUserId = rt.services.db
    .prepare('SELECT id FROM users WHERE display_name = ?')
    .pluck()
    .get(cjkDemoName) as number;
  // The administrator who set up the identity lets 陈静 take on biomed work too (nobody changes
  // their own roles).
  await signInAs(rt, 'admin');
  await asStation.value('people.update', { id: chenUserId, roles: ['admin', 'biomed'] });
  const cases = Object.fromEntries(report.cases.map((c) => [c.assetTag, c.caseId]));
  await signInAs(rt, 'incident_commander');
  await asStation.value('cases.assign', {
    caseIds: [demoCase({ cases }, 'NM-0003')],
    assigneeUserId: chenUserId,
  });
  const status = await asOperator.value('signing.status', {});
  if (!status.unlocked) await asOperator.value('signing.unlock', { passphrase: testPassphrase });
  return { incidentId: report.incidentId, fingerprint: fingerprintSha256, cases, chenUserId };
}
