/** Test-only helpers for the people tests: typed calls and a look at the audit trail. */
import { afterEach, beforeEach } from 'vitest';
import type { AuditEventBody } from '../../../api/domains/system';
import fs from 'node:fs';
import path from 'node:path';
import type { DeviceFields } from '../../devices/device-row';
import { insertDevice } from '../../devices/devices';
import type { Runtime } from '../../runtime';
import { typedCalls } from '../../test/typed-calls';
import { repoRoot, startTestRuntime, type TestRuntime } from '../../test/temp-runtime';

export interface AuditRecord extends Omit<AuditEventBody, 'payload'> {
  id: number;
  payload: Record<string, unknown>;
}

export { typedCalls };

function startWithCalls(): { rt: TestRuntime; api: ReturnType<typeof typedCalls> } {
  const rt = startTestRuntime();
  return { rt, api: typedCalls(rt) };
}

export const minutes = (n: number) => n * 60_000;

export interface StationUnderTest {
  rt: TestRuntime;
  api: ReturnType<typeof typedCalls>;
  /** An administrator (first run) and a biomed who is also IT security; no one signed in after. */
  twoUsers(): Promise<{ adminId: number; biomedId: number }>;
  /** The actions of the audit events after `afterId`, oldest first. */
  actions(afterId?: number): string[];
}

/** A fresh station for each test of the file (closed after it), read through `t.rt`, `t.api`. */
export function stationPerTest(): StationUnderTest {
  // Filled in before each test, as vitest runs them.
  const t = {
    twoUsers: () => twoUsers(t.api),
    actions: (afterId?: number) => auditActionsSince(t.rt, afterId),
  } as StationUnderTest;
  beforeEach(() => Object.assign(t, startWithCalls()));
  afterEach(() => t.rt.cleanup());
  return t;
}

/** The first device of the demo facility, as its file holds it. */
export const demoDevice = (
  JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'resources/demo/devices.json'), 'utf8'),
  ) as DeviceFields[]
)[0] as DeviceFields;

export interface SigningStationUnderTest extends StationUnderTest {
  /** The first demo device, in the station before each test. */
  deviceId: number;
  /** The device as the UI shows it: the content a signer sees (updatedAt is not signed). */
  signerView(): ReturnType<typeof shownDevice>;
  signoffRows(): number;
}

/** A fresh station with the first demo device in it for each test (the sign-off tests). */
export function signingStationPerTest(): SigningStationUnderTest {
  const t = stationPerTest() as SigningStationUnderTest;
  beforeEach(() => {
    t.deviceId = insertDevice(t.rt.services.db, demoDevice, t.rt.clock.now().toISOString());
  });
  t.signerView = () => shownDevice(t.api, t.deviceId);
  t.signoffRows = () =>
    t.rt.services.db.prepare('SELECT count(*) FROM signoffs').pluck().get() as number;
  return t;
}

/** The device as the UI shows it: the content a signer sees (updatedAt is not signed). */
export async function shownDevice(api: ReturnType<typeof typedCalls>, deviceId: number) {
  const { updatedAt: _ignored, ...device } = await api.value('devices.get', { id: deviceId });
  return device;
}

export const adminPin = '271828';
export const biomedPin = '864209';

/** An administrator (first run) and a biomed who is also IT security; no one signed in after. */
export async function twoUsers(
  api: ReturnType<typeof typedCalls>,
): Promise<{ adminId: number; biomedId: number }> {
  const first = await api.value('people.createFirstAdmin', {
    displayName: 'Ada Admin',
    staffId: 'A-1',
    secret: adminPin,
  });
  const biomed = await api.value('people.create', {
    displayName: 'Łukasz Wróbel',
    staffId: 'B-7',
    roles: ['biomed', 'it_security'],
    secret: biomedPin,
    mustChangeCredential: false,
  });
  await api.value('session.signOut', {});
  return { adminId: first.user?.id ?? 0, biomedId: biomed.id };
}

export function lastAuditId(rt: Runtime): number {
  return rt.services.db
    .prepare('SELECT coalesce(max(id), 0) FROM audit_events')
    .pluck()
    .get() as number;
}

/** The actions of the audit events after `afterId`, oldest first. */
export function auditActionsSince(rt: Runtime, afterId = 0): string[] {
  return auditSince(rt, afterId).map((e) => e.action);
}

/** Audit events after `afterId`, read from the table (the API would need a signed-in reader). */
export function auditSince(rt: Runtime, afterId = 0): AuditRecord[] {
  const rows = rt.services.db
    .prepare('SELECT id, body FROM audit_events WHERE id > ? ORDER BY id')
    .all(afterId) as { id: number; body: string }[];
  return rows.map((r) => {
    const b = JSON.parse(r.body) as Omit<AuditRecord, 'id' | 'payload'> & { payload: unknown };
    return { ...b, id: r.id, payload: b.payload as Record<string, unknown> };
  });
}

/** Every stored text a secret could leak into: audit bodies, user rows, drafts, sign-offs. */
export function everythingStored(rt: Runtime): string {
  const { db } = rt.services;
  const dump = (sql: string) => JSON.stringify(db.prepare(sql).all());
  return [
    dump('SELECT body FROM audit_events'),
    dump('SELECT id, display_name, staff_id FROM users'),
    dump('SELECT * FROM signoffs'),
    dump('SELECT * FROM settings'),
  ].join('\n');
}
