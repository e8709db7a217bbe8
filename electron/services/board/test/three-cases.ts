import { afterEach } from 'vitest';
import { demoIncident, type DemoIncident } from '../../cases/test/case-test-setup';

/** The bulk decision and preview tests' incident: three devices' cases, removed after each test. */

const devices = ['NM-0001', 'NM-0003', 'NM-0007'];
let started: DemoIncident | undefined;
afterEach(() => {
  started?.rt.cleanup();
  started = undefined;
});

/**
 * The demo incident with the cases of NM-0001, NM-0003 and NM-0007 (their IDs in that order).
 * With `secondAssessing`, NM-0003's case is already in Assessing: "assessing → assessing" is no
 * step of the workflow, so a bulk step to Assessing has one case to refuse.
 */
export async function threeCases(
  options: { secondAssessing?: boolean } = {},
): Promise<{ d: DemoIncident; ids: [number, number, number] }> {
  const d = await demoIncident(devices);
  started = d;
  const ids = devices.map((t) => d.caseOf(t)) as [number, number, number];
  if (options.secondAssessing) {
    await d.api.value('cases.transition', { caseId: ids[1], target: 'assessing' });
  }
  return { d, ids };
}
