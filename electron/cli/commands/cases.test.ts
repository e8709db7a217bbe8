import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../services/test/temp-runtime';
import { runCliSync } from '../../services/test/run-cli';

const data = tempDir('standalone-cli-cases-');
afterAll(() => data.cleanup());

/** The real CLI in its own process, on this file's data folder. */
const cli = (...args: string[]) => runCliSync(data.dir, args);

describe('standalone demo walkthrough, incident list and case list', () => {
  it('prints each case as {caseId, incidentId, assetTag, state, assignee, gateVerdict, flags[]}', () => {
    expect(cli('demo', 'load').code).toBe(0);
    const walk = cli('demo', 'walkthrough');
    expect(walk.stderr).toBe('');
    expect(walk.code).toBe(0);
    expect(walk.stdout).toContain('NM-0001 (ICSMA-17-215-02): returned_to_service.');
    expect(walk.stdout).toMatch(/Audit chain ok: \d+ events\./);

    const incidents = cli('incident', 'list', '--json');
    expect(incidents.code).toBe(0);
    const [incident] = JSON.parse(incidents.stdout) as {
      id: number;
      name: string;
      caseCount: number;
    }[];
    expect(incident).toMatchObject({ name: 'ICSMA-17-215-02 response', caseCount: 8 });

    const list = cli('case', 'list', '--incident', String(incident?.id), '--json');
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    const cases = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(cases).toHaveLength(8);
    for (const c of cases) {
      expect(Object.keys(c).sort()).toEqual(
        [
          'assetTag',
          'assignee',
          'caseId',
          'flags',
          'gateVerdict',
          'incidentId',
          'state',
          'station',
          'priority',
          'priorityReasons',
          'knownExploited',
        ].sort(),
      );
    }
    expect(cases.find((c) => c.assetTag === 'NM-0003')).toEqual({
      caseId: expect.any(Number) as number,
      incidentId: incident?.id,
      assetTag: 'NM-0003',
      state: 'deferred',
      assignee: 'Zoë Brändli (demo)',
      gateVerdict: 'blocked',
      flags: [],
      // The demo data folder has no station identity yet.
      station: null,
      priority: expect.any(Number) as number,
      priorityReasons: expect.any(Array) as string[],
      // No KEV catalog imported here: nothing is known exploited yet.
      knownExploited: [],
    });
    expect(cases.find((c) => c.assetTag === 'NM-0002')).toMatchObject({
      state: 'at_risk',
      assignee: null,
      gateVerdict: 'incomplete',
    });

    const bad = cli('case', 'list', '--incident', 'first');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--incident must be an incident number');

    const again = cli('demo', 'walkthrough');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  }, 900_000);
});
