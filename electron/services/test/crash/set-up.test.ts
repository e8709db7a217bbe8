import { afterEach, describe, expect, it } from 'vitest';
import { anonymousActor } from '../../audit/record';
import { stationCaller } from '../../core/context';
import { commitDemoFacility } from '../../seed/demo-facility';
import { startTestRuntime, type TestRuntime } from '../temp-runtime';
import { demoBiomed } from './case-operations';
import { missingAcknowledged, prepareSession } from './driver';
import { availableOperations, initialDriveState, type Acknowledged } from './operations';

/**
 * The crash driver's set-up after a restart, in-process and without kills, for the states a kill
 * leaves that a random run reaches only now and then. A restarted services process starts signed
 * out, and the station refuses a second sign-in while someone is signed in: the set-up must
 * switch people by hand-over (seed 2131181528 once failed here, the demo administrator still
 * signed in after finishing a demo load when the commander signed in).
 */

let rt: TestRuntime | undefined;
afterEach(() => rt?.cleanup());

describe('the crash driver set-up', () => {
  it("finishes a demo load a kill cut short, then hands the station to the round's person", async () => {
    rt = startTestRuntime(new Date().toISOString());
    // What a kill right after the load's first transaction leaves: accounts, no advisories.
    await commitDemoFacility({
      services: rt.services,
      actor: anonymousActor,
      caller: stationCaller,
      user: null,
    });
    const dispatch = rt.dispatch;
    const child = { call: (method: string, input: unknown) => dispatch(method, input) };
    expect(await rt.client().value('app.info', {})).toMatchObject({ demoUnfinished: true });

    const ledger: Acknowledged[] = [];
    const state = initialDriveState();
    await prepareSession(child, ledger, state, demoBiomed);

    const session = await rt.client().value('session.status', {});
    expect(session).toMatchObject({ state: 'active', user: { staffId: demoBiomed.staffId } });
    expect(await rt.client().value('app.info', {})).toMatchObject({ demoUnfinished: false });
    expect(ledger.map((a) => a.operation)).toEqual([
      'load the demo',
      'open an incident',
      'start an assessment',
    ]);
    expect(state.cases.incidentId).not.toBeNull();
    expect(missingAcknowledged(rt.services.db, ledger, availableOperations(), state)).toEqual([]);
  }, 120_000);
});
