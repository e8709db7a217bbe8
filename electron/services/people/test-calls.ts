/** Test-only helpers for the people tests: typed calls and a look at the audit trail. */
import type { AuditEventBody } from '../../api/domains/system';
import type { InputOf, MethodName, ResultOf } from '../../api/methods';
import type { ApiError, Result } from '../../api/result';
import type { Runtime } from '../runtime';

export interface AuditRecord extends Omit<AuditEventBody, 'payload'> {
  id: number;
  payload: Record<string, unknown>;
}

export function typedCalls(rt: Runtime) {
  const call = <M extends MethodName>(method: M, input: InputOf<M>) =>
    rt.dispatch(method, input) as Promise<Result<ResultOf<M>>>;
  return {
    call,
    /** The value of a call that must succeed (the failure's message otherwise). */
    async value<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    /** The error of a call that must fail. */
    async error<M extends MethodName>(method: M, input: InputOf<M>): Promise<ApiError> {
      const result = await call(method, input);
      if (result.ok) throw new Error(`${method} succeeded: ${JSON.stringify(result.value)}`);
      return result.error;
    },
  };
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
