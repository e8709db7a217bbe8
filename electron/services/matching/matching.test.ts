import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client';
import type { MatchView } from '../../api/domains/advisories';
import {
  csafFixtureFiles,
  fixturesDir,
  signInAs,
  startSignedIn,
  type TestRuntime,
} from '../test/temp-runtime';

/** The value, or a failed test saying what was missing. */
function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`Expected a ${what}`);
  return value;
}

let rt: TestRuntime;
beforeEach(async () => (rt = await startSignedIn('biomed')));
afterEach(() => rt.cleanup());

/** The value of a call that must succeed, typed from the API map. */
const call: ApiClient['value'] = (method, input) => rt.client().value(method, input);

async function loadFixtures(): Promise<void> {
  for (const file of csafFixtureFiles) {
    const r = await call('advisories.import', {
      fileName: path.basename(file),
      content: fs.readFileSync(file, 'utf8'),
    });
    expect(r.outcome).toBe('imported');
  }
  const inv = await call('inventory.import', {
    fileName: 'demo-hospital.csv',
    content: fs.readFileSync(path.join(fixturesDir, 'inventory/demo-hospital.csv'), 'utf8'),
  });
  expect(inv).toMatchObject({ written: true, added: 35 });
}

async function allMatches(): Promise<MatchView[]> {
  return (await call('matches.list', { limit: 10_000 })).matches;
}

const byAdvisory = (matches: MatchView[], trackingId: string) =>
  matches
    .filter((m) => m.trackingId === trackingId)
    .map((m) => `${m.assetTag} ${m.confidence}`)
    .sort();

describe('matching the demo inventory against the real advisories', () => {
  it('finds the Siemens Windows 7 molecular-imaging devices for ICSMA-17-215-02, the Windows XP one for -01, and no other Siemens device', async () => {
    await loadFixtures();
    const run = await call('matches.run', {});
    expect(run).toMatchObject({ devices: 35, advisories: csafFixtureFiles.length, removed: 0 });
    const matches = await allMatches();

    expect(byAdvisory(matches, 'ICSMA-17-215-02')).toEqual([
      'NM-PETCT-01 high', // Biograph mCT Flow, PET/CT, Windows 7
      'NM-PETCT-02 high', // Biograph Horizon, PET/CT, Windows 7
      'NM-SPECT-02 high', // Symbia S, SPECT, Windows 7
      'NM-SPECTCT-01 high', // Symbia Intevo Bold, SPECT/CT, Windows 7
      'NM-SPECTCT-02 high', // Symbia T6, SPECT/CT, Windows 7
      'NM-WS-01 high', // Symbia.net, SPECT workplace, Windows 7
    ]);
    expect(byAdvisory(matches, 'ICSMA-17-215-01')).toEqual(['NM-SPECT-01 high']); // Symbia E, Windows XP

    // Siemens devices outside the molecular-imaging families match nothing.
    const siemensElsewhere = ['NM-WS-02', 'RAD-CT-01', 'RAD-MR-02', 'RAD-US-01', 'CARD-CT-01'];
    expect(matches.filter((m) => siemensElsewhere.includes(m.assetTag))).toEqual([]);

    const petct = matches.find((m) => m.assetTag === 'NM-PETCT-01');
    expect(petct).toMatchObject({
      productName: 'Siemens PET/CT Systems: All Windows 7-based versions',
      advisoryVersion: '1',
      status: 'suggested',
      current: true,
    });
    expect(petct?.reasons).toEqual([
      "Vendor: the device's “Siemens Healthineers” and the advisory's “Siemens” are the same company (Siemens Healthineers).",
      'Family: “Biograph mCT Flow” is one of the Siemens PET/CT systems (Biograph mCT), the family the advisory names in “Siemens PET/CT Systems Windows 7-Based”.',
      'Operating system: the device runs Windows 7 (“Windows 7 SP1”), and the advisory covers Windows 7-based systems.',
      'Version: the advisory covers all versions.',
    ]);
    // A family named after its one model names it once.
    const workplace = matches.find((m) => m.assetTag === 'NM-WS-01');
    expect(workplace?.reasons[1]).toBe(
      'Family: “Symbia.net” is one of the Siemens SPECT workplaces (Symbia.net), the family the advisory names in “Siemens SPECT Workplaces/Symbia.net Windows 7-Based”.',
    );

    // The same reasons are stored as catalogue words; a match stored before keeps its English.
    expect(petct?.reasonWords?.map((w) => w.key)).toEqual([
      'vendorSameCompany',
      'familyModel',
      'osSame',
      'versionAll',
    ]);
    rt.services.db
      .prepare('UPDATE matches SET reason_words = NULL WHERE id = ?')
      .run(must(petct, 'match').id);
    const older = (await allMatches()).find((m) => m.id === petct?.id);
    expect(older?.reasonWords).toBeNull();
    expect(older?.reasons).toEqual(petct?.reasons);
  });

  it('gives the expected result for the other advisories: in range or not, close model or not', async () => {
    await loadFixtures();
    await call('matches.run', {});
    const matches = await allMatches();
    const of = (assetTag: string) =>
      matches
        .filter((m) => m.assetTag === assetTag)
        .map((m) => `${m.trackingId} ${m.confidence}`)
        .sort();

    expect(of('NM-SPECT-03')).toEqual(['ICSMA-18-037-02 high', 'ICSMA-20-343-01 medium']); // 1.002 < 1.003
    expect(of('NM-SPECT-04')).toEqual(['ICSMA-20-343-01 high']); // 2.004 is outside "< 2.003"
    expect(of('RAD-ISP-01')).toEqual(['ICSMA-18-058-02 high']); // Philips 8.0.2 in "8.0.x" (Phillips)
    expect(of('RAD-ISP-02')).toEqual([]); // 9.0.1
    expect(of('ICU-PIC-01')).toEqual(['ICSMA-20-254-01 high']); // C.02
    expect(of('ICU-PIC-02')).toEqual([]); // D.01
    expect(of('ICU-MON-01')).toEqual(['ICSMA-20-254-01 high']); // MX450 in MX400-MX850, N.00 <= N
    expect(of('MS-VS-01')).toEqual(['ICSMA-21-152-01 high']); // 1.50 < 1.52
    expect(of('MS-VS-02')).toEqual([]); // 1.52
    expect(of('INF-01')).toEqual(['ICSMA-23-194-01 high']); // 12.1.3 <= 12.1.3
    expect(of('INF-02')).toEqual([]); // 12.3.0
    expect(of('INF-03')).toEqual(['ICSMA-20-170-04 high']); // v8.x, model 35700BAX2 in the notes
    expect(of('PHARM-01')).toEqual(['ICSMA-22-062-01 high']); // BD = Becton, Dickinson and Company
    expect(of('LAB-SEQ-01')).toEqual(['ICSMA-23-117-01 high']);
    expect(of('CARD-PROG-01')).toEqual(['ICSMA-19-080-01 high']);
    expect(of('ONC-LINAC-01')).toEqual([]); // no advisory names Varian
    // A LOGIQ E10 shares only "LOGIQ" with LOGIQ 5/7/9: never a high-confidence match.
    expect(matches.filter((m) => m.assetTag === 'RAD-US-02' && m.confidence === 'high')).toEqual(
      [],
    );
  });

  it('filters devices by matched advisory through the index, and lists per advisory', async () => {
    await loadFixtures();
    await call('matches.run', {});
    const advisories = await call('advisories.list', {});
    const win7 = must(advisories.find((a) => a.trackingId === 'ICSMA-17-215-02'));
    expect(win7.devicesMatched).toBe(6);
    const page = await call('devices.list', { advisoryId: win7.id });
    expect(page.devices.map((d) => d.assetTag)).toEqual([
      'NM-PETCT-01',
      'NM-PETCT-02',
      'NM-SPECT-02',
      'NM-SPECTCT-01',
      'NM-SPECTCT-02',
      'NM-WS-01',
    ]);
    const plan = rt.services.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM devices WHERE id IN (SELECT device_id FROM matches
           WHERE advisory_id = ? AND status IN ('suggested', 'confirmed'))`,
      )
      .all(win7.id) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(
      /USING (COVERING )?INDEX matches_advisory/,
    );
  });

  it('records who confirmed or dismissed a match and why; a rerun keeps decisions and removes stale suggestions', async () => {
    await loadFixtures();
    await call('matches.run', {});
    const matches = await allMatches();
    const petct = must(matches.find((m) => m.assetTag === 'NM-PETCT-01'));
    const pacs = must(matches.find((m) => m.assetTag === 'NM-WS-01'));

    const biomed = await signInAs(rt, 'biomed');
    const confirmed = await call('matches.confirm', {
      id: petct.id,
      reason: 'Console shows Windows 7 SP1.',
    });
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      decision: {
        userId: biomed.id,
        role: 'biomed',
        reason: 'Console shows Windows 7 SP1.',
        advisoryVersion: '1',
      },
    });
    const refusedEmpty = await rt.client().call('matches.dismiss', { id: pacs.id, reason: '  ' });
    expect(refusedEmpty.ok).toBe(false);
    await call('matches.dismiss', {
      id: pacs.id,
      reason: 'Workplace was re-imaged with Windows 10 last week.',
    });
    const again = await rt.client().call('matches.dismiss', { id: pacs.id, reason: 'again' });
    expect(again.ok).toBe(false);

    const audit = rt.services.db
      .prepare(`SELECT body FROM audit_events WHERE entity_type = 'match' ORDER BY id`)
      .pluck()
      .all() as string[];
    expect(
      audit.map(
        (b) =>
          JSON.parse(b) as { action: string; actorUserId: number; payload: { reason: string } },
      ),
    ).toMatchObject([
      {
        action: 'match.confirmed',
        actorUserId: biomed.id,
        payload: { reason: 'Console shows Windows 7 SP1.' },
      },
      { action: 'match.dismissed', actorUserId: biomed.id },
    ]);

    // The devices change: the PET/CT and the workplace move to Windows 10, a SPECT/CT as well.
    const db = rt.services.db;
    db.prepare(
      `UPDATE devices SET os_name = 'Windows 10' WHERE asset_tag IN ('NM-PETCT-01', 'NM-WS-01', 'NM-SPECTCT-01')`,
    ).run();
    const rerun = await call('matches.run', {});
    expect(rerun).toMatchObject({ removed: 1, stale: 2 });
    const after = await allMatches();
    expect(after.find((m) => m.assetTag === 'NM-SPECTCT-01')).toBeUndefined();
    expect(after.find((m) => m.assetTag === 'NM-PETCT-01')).toMatchObject({
      status: 'confirmed',
      current: false,
    });
    expect(after.find((m) => m.assetTag === 'NM-WS-01')).toMatchObject({
      status: 'dismissed',
      current: false,
    });
    const win7 = (await call('advisories.list', {})).find(
      (a) => a.trackingId === 'ICSMA-17-215-02',
    );
    expect(win7?.devicesMatched).toBe(4); // 6 − the dismissed one − the removed one
  });

  it('lets only biomed, IT security and administrators decide; anyone signed in may list', async () => {
    await loadFixtures();
    await call('matches.run', {});
    const first = must((await allMatches())[0]);
    await signInAs(rt, 'technologist');
    expect((await rt.client().call('matches.list', {})).ok).toBe(true);
    const refused = await rt.client().call('matches.confirm', { id: first.id, reason: 'x' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');
    await signInAs(rt, 'it_security');
    expect(
      (await rt.client().call('matches.confirm', { id: first.id, reason: 'checked' })).ok,
    ).toBe(true);
  });
});
