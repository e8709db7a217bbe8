import type { CaseDetail } from '../../../api/domains/cases';
import type { Role } from '../../../api/roles';
import { throughVerification } from '../../cases/test/case-test-setup';
import { signInAs, testSecret } from '../../test/temp-runtime';
import { facilityForFile, stationId, type FacilityStation } from './facility-setup';

/**
 * Steps of the tests of a case handed from one station to another (case-adopt, case-handback,
 * signoffs-lost-case): the two stations, a case with sign-offs to carry, the hand-on itself, and
 * the people the receiver has accounts for.
 */

/** The test file's facility, with the laptop and biomed workstation a case is handed between. */
export function handOnFacility() {
  const f = facilityForFile();
  return { f, laptop: f.floor('NM laptop 2'), biomed: f.floor('Biomed workstation') };
}

/** The incident commander at `from` hands the case `caseId` on to `to`, signing with their PIN. */
export async function handCaseOn(
  from: FacilityStation,
  caseId: number,
  to: FacilityStation,
): Promise<void> {
  await signInAs(from.rt, 'incident_commander');
  await from.api.value('cases.transfer', {
    caseId,
    stationId: stationId(to),
    signoff: { secret: testSecret },
  });
}

/** The station `from`'s case `caseId` as `s` knows it: the ID of the station it was handed to. */
export const handedTo = (s: FacilityStation, from: FacilityStation, caseId: number) =>
  s.rt.services.db
    .prepare('SELECT transferred_to FROM station_cases WHERE station_id = ? AND id = ?')
    .pluck()
    .get(stationId(from), caseId);

/** `assetTag`'s case at `s`, taken to Verifying with its sign-offs given; its detail as given. */
export async function verifiedCase(
  s: FacilityStation,
  assetTag: string,
): Promise<{ caseId: number; given: CaseDetail }> {
  const caseId = s.caseOf(assetTag);
  await signInAs(s.rt, 'technologist');
  await s.api.value('cases.transition', { caseId, target: 'assessing' });
  await throughVerification(s, caseId, s.rt.clock.now());
  return { caseId, given: await s.api.value('cases.get', { caseId }) };
}

/**
 * Accounts at `s` for `roles`, made in that order (so their staff IDs are those of the same people
 * at the other stations), then the incident commander signed in.
 */
export async function accountsThenCommander(s: FacilityStation, roles: Role[]): Promise<void> {
  for (const role of roles) await signInAs(s.rt, role);
  await signInAs(s.rt, 'incident_commander');
}
