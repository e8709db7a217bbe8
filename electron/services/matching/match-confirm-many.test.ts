import { afterEach, describe, expect, it } from 'vitest';
import { testNow } from '../cases/test/case-test-setup';
import { auditSince, lastAuditId, typedCalls } from '../people/test/test-calls';
import { signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';

let rt: TestRuntime;
afterEach(() => rt.cleanup());

async function demo() {
  rt = startTestRuntime(testNow);
  const loaded = await rt.client({ kind: 'operator', osUser: 'test' }).call('demo.load', {});
  if (!loaded.ok) throw new Error(loaded.error.message);
  return typedCalls(rt);
}

describe('confirming many matches at once', () => {
  it('confirms each as if alone, one audit event each, naming the person; skips what is already confirmed', async () => {
    const api = await demo();
    const biomed = await signInAs(rt, 'biomed');
    const { matches } = await api.value('matches.list', { status: 'suggested' });
    const of02 = matches.filter((m) => m.trackingId === 'ICSMA-17-215-02');
    expect(of02.length).toBeGreaterThan(2);
    const [first, ...rest] = of02.map((m) => m.id) as [number, ...number[]];
    await api.value('matches.confirm', { id: first, reason: 'Checked at the device.' });
    const before = lastAuditId(rt);

    const result = await api.value('matches.confirmMany', {
      ids: [first, ...rest, 999_999],
      reason: 'Model and version read from the inventory.',
    });
    expect(result.confirmed.map((m) => m.id)).toEqual(rest);
    for (const m of result.confirmed) {
      expect(m).toMatchObject({
        status: 'confirmed',
        decision: {
          userId: biomed.id,
          userName: biomed.displayName,
          role: 'biomed',
          reason: 'Model and version read from the inventory.',
        },
      });
    }
    expect(result.skipped.map((s) => s.id)).toEqual([first, 999_999]);
    expect(result.skipped[0]?.reason).toBe('This match is already confirmed.');
    const events = auditSince(rt, before);
    expect(events.map((e) => [e.action, e.entityId])).toEqual(
      rest.map((id) => ['match.confirmed', String(id)]),
    );
  });

  it('is refused to the roles that may not decide matches', async () => {
    const api = await demo();
    await signInAs(rt, 'incident_commander');
    const { matches } = await api.value('matches.list', { status: 'suggested', limit: 1 });
    const refused = await api.call('matches.confirmMany', {
      ids: matches.map((m) => m.id),
      reason: '',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
