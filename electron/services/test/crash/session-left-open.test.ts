/**
 * A services process killed while someone is signed in leaves a sign-in with no end in the audit
 * trail; the next start records that session as ended with the process (sessions-left-open.ts).
 * Real child processes, killed with SIGKILL, on a real database file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventView } from '../../../api/domains/system';
import { pdfWords } from '../../pdf/words';
import { activitySentence, describeEvent } from '../../reports/activity-words';
import { startChildServices, type ChildServices } from '../child-services';
import { cleanupAfterEach } from '../cleanups';
import { bundleServices, type ServicesBundle } from '../services-bundle';
import { demoAdmin } from './case-operations';

const { folder, later } = cleanupAfterEach();
const minutes = 60_000;

let bundle: ServicesBundle;
beforeAll(async () => {
  bundle = await bundleServices();
}, 5 * minutes);
afterAll(() => bundle.cleanup());

async function start(dataDir: string): Promise<ChildServices> {
  const child = startChildServices({ dataDir, entry: bundle.entry });
  later(() => child.kill());
  expect(await child.started, child.stderr()).toEqual({ type: 'ready' });
  return child;
}

async function ok(child: ChildServices, method: string, input: unknown): Promise<unknown> {
  const r = await child.call(method, input);
  expect(r, method).toMatchObject({ ok: true });
  return r.ok ? r.value : undefined;
}

async function killed(child: ChildServices): Promise<void> {
  child.kill('SIGKILL');
  expect((await child.exited).signal).toBe('SIGKILL');
}

/** The session events of the trail, oldest first (read signed in as the demo administrator). */
async function sessionEvents(child: ChildServices): Promise<AuditEventView[]> {
  const events = (await ok(child, 'audit.list', {
    entityType: 'user',
    limit: 1000,
  })) as AuditEventView[];
  return events.filter((e) => e.action.startsWith('session.'));
}

const endedWithProcess = (e: AuditEventView) =>
  e.action === 'session.ended' && (e.payload as { reason?: unknown }).reason === 'process_ended';

describe('a session the services process did not live to end', () => {
  it(
    'is recorded as ended at the next start, once, and a signed-out session is not',
    async () => {
      const dir = folder('standalone-session-left-');
      const first = await start(dir);
      await ok(first, 'demo.load', {});
      const admin = (await ok(first, 'session.signIn', demoAdmin)) as {
        user: { id: number };
        role: string;
      };
      await killed(first);

      const second = await start(dir);
      await ok(second, 'session.signIn', demoAdmin);
      const seen = await sessionEvents(second);
      const ended = seen.filter(endedWithProcess);
      expect(ended).toHaveLength(1);
      const [end] = ended;
      expect(end).toMatchObject({
        actorUserId: admin.user.id,
        actorRole: admin.role,
        entityId: String(admin.user.id),
      });
      // Between the killed process's sign-in and the new one, naming when the session began.
      const signIns = seen.filter((e) => e.action === 'session.signed_in');
      expect(signIns).toHaveLength(2);
      expect(end?.id).toBeGreaterThan(signIns[0]?.id ?? Infinity);
      expect(end?.id).toBeLessThan(signIns[1]?.id ?? -Infinity);
      expect((end?.payload as { signedInAt?: unknown }).signedInAt).toBe(signIns[0]?.time);

      // Signed out before the kill: nothing was left open, so nothing more is recorded.
      await ok(second, 'session.signOut', {});
      await killed(second);
      const third = await start(dir);
      await ok(third, 'session.signIn', demoAdmin);
      expect((await sessionEvents(third)).filter(endedWithProcess)).toHaveLength(1);
      expect(await ok(third, 'audit.verify', {})).toMatchObject({ ok: true });
      await third.shutdown();
    },
    10 * minutes,
  );

  it('is worded for people in English and German', () => {
    const described = describeEvent(
      {
        id: 1,
        at: '2026-11-28T08:00:00.000Z',
        actorUserId: 1,
        actorRole: 'biomed',
        action: 'session.ended',
        entityType: 'user',
        caseId: null,
        payload: { reason: 'process_ended', signedInAt: '2026-11-28T07:00:00.000Z' },
      },
      null,
    );
    expect(described?.sentence).toBe(
      'Session ended with the app: the app stopped before anyone signed out',
    );
    if (!described) throw new Error('session.ended (process_ended) is not worded');
    expect(activitySentence(pdfWords('de'), described.words)).toBe(
      'Sitzung mit der App beendet: Die App wurde beendet, bevor sich jemand abgemeldet hatte',
    );
  });
});
