import { describe, expect, it } from 'vitest';
import { chooseHolder, exchangeThroughFolder, facilityForFile, slow } from './test/facility-setup';
import { accountsThenCommander, handCaseOn, verifiedCase } from './test/handed-case';

/**
 * The "sign again" list of a station (sign-offs given at the station that handed a case on,
 * whose signer has no account here) names only cases it holds: a received case that the
 * commander gives to another station, in the conflict over its device, drops off it.
 */

// The command post and the laptop both open a case for NM-0007 (a conflict from the start).
const [laptopName, biomedName] = ['NM laptop 2', 'Biomed workstation'];
const floors: [string, string[]][] = [
  [laptopName, ['NM-0007']],
  [biomedName, ['NM-0005']],
];
const f = facilityForFile({ devices: { post: ['NM-0007'], floors } });
const laptop = f.floor(laptopName);
const biomed = f.floor(biomedName);

describe('the sign-again list of a station that loses a received case in a conflict', () => {
  it('names the case while the station holds it, and drops it once it lost', slow, async () => {
    const laptopCase = (await verifiedCase(laptop, 'NM-0007')).caseId;
    await handCaseOn(laptop, laptopCase, biomed);
    // The same people have accounts at the biomed workstation, but for IT security.
    await accountsThenCommander(biomed, ['technologist', 'biomed', 'clinical_lead']);
    const reports = await exchangeThroughFolder(f, [laptop, biomed]);
    const received = reports.get(biomed.name)?.receivedCases ?? [];
    expect(received).toMatchObject([
      { assetTag: 'NM-0007', signoffsNotCarried: [{ kind: 'verification_it' }] },
    ]);
    const biomedCase = received[0]?.caseId ?? 0;
    const asked = await biomed.api.value('exchange.status', {});
    expect(asked.signoffsNotCarried.map((c) => c.caseId)).toEqual([biomedCase]);

    // The command post hears of the biomed workstation's case, and keeps the device's case itself.
    await exchangeThroughFolder(f);
    await chooseHolder(f, 'NM-0007', 'ICSMA-17-215-02', f.post);
    const lost = await biomed.api.value('cases.get', { caseId: biomedCase });
    expect(lost.signing.find((s) => s.kind === 'verification_it')?.given).toBe(false);
    expect((await biomed.api.value('exchange.status', {})).signoffsNotCarried).toEqual([]);
  });
});
