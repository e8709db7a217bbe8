import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signoffKinds, type SignoffKind } from '../../api/permissions';
import { verifyAuditChain } from '../audit/verify';
import { signInAs } from '../test/temp-runtime';
import { signoffStatus } from './signoffs';
import {
  auditSince,
  everythingStored,
  lastAuditId,
  signingStationPerTest,
  typedCalls,
} from './test/test-calls';

const t = signingStationPerTest();

const sha256OfCanonical = (v: unknown) =>
  createHash('sha256')
    .update(canonicalize(v) ?? '')
    .digest('hex');

/** A sign-off of `kind` on the test device, on the content it shows now, with `secret`. */
async function onDevice(kind: SignoffKind, secret: string) {
  const content = await t.signerView();
  return { kind, subjectType: 'device' as const, subjectId: String(t.deviceId), content, secret };
}

/** The clinical lead's sign-off of `kind` with `secret`, refused: the error, and the audit events since. */
async function refusedToClinicalLead(kind: SignoffKind, secret: string) {
  await signInAs(t.rt, 'clinical_lead');
  const before = lastAuditId(t.rt);
  const error = await t.api.error('signoffs.sign', await onDevice(kind, secret));
  return { error, events: auditSince(t.rt, before) };
}

describe('giving a sign-off', () => {
  it('stores who, role, time, kind, the fixed statement and the SHA-256 of the canonical content, audited', async () => {
    const biomed = await signInAs(t.rt, 'biomed');
    const content = await t.signerView();
    const before = lastAuditId(t.rt);
    const signoff = await t.api.value('signoffs.sign', {
      kind: 'technical_readiness',
      subjectType: 'device',
      subjectId: String(t.deviceId),
      content,
      secret: biomed.secret,
    });
    const expectedHash = sha256OfCanonical(content);
    expect(signoff).toEqual({
      id: expect.any(Number) as number,
      kind: 'technical_readiness',
      subjectType: 'device',
      subjectId: String(t.deviceId),
      userId: biomed.id,
      userName: biomed.displayName,
      role: 'biomed',
      statement: signoffKinds.technical_readiness.statements.en,
      signedAt: t.rt.clock.now().toISOString(),
      contentHash: expectedHash,
      stale: false,
    });
    expect(auditSince(t.rt, before)).toMatchObject([
      {
        action: 'signoff.given',
        actorUserId: biomed.id,
        actorRole: 'biomed',
        entityType: 'device',
        entityId: String(t.deviceId),
        payload: {
          signoffId: signoff.id,
          kind: 'technical_readiness',
          statement: signoffKinds.technical_readiness.statements.en,
          contentHash: expectedHash,
        },
      },
    ]);
    const stored = t.rt.services.db
      .prepare('SELECT content FROM signoffs WHERE id = ?')
      .pluck()
      .get(signoff.id);
    expect(stored).toBe(canonicalize(content));
    expect(everythingStored(t.rt)).not.toContain(biomed.secret);
    expect(verifyAuditChain(t.rt.services.db).ok).toBe(true);
  });

  it('writes the sign-off and its audit event in one transaction: no event, no sign-off', async () => {
    const biomed = await signInAs(t.rt, 'biomed');
    t.rt.services.db.exec(`
      CREATE TRIGGER refuse_signoff_event BEFORE INSERT ON audit_events
      WHEN json_extract(NEW.body, '$.action') = 'signoff.given'
      BEGIN SELECT RAISE(ABORT, 'audit store refused the event'); END`);
    const result = await t.api.call(
      'signoffs.sign',
      await onDevice('verification_biomed', biomed.secret),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(t.signoffRows()).toBe(0);
  });

  it('refuses a wrong PIN, counts it toward the lockout and audits it without the PIN', async () => {
    const { error, events } = await refusedToClinicalLead('patient_safety_clear', '909090');
    expect(error).toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'wrong_secret', attemptsLeft: 4 },
    });
    expect(t.signoffRows()).toBe(0);
    expect(events).toMatchObject([
      {
        action: 'auth.failed',
        actorRole: 'clinical_lead',
        payload: {
          purpose: 'signoff',
          reason: 'wrong_secret',
          kind: 'patient_safety_clear',
          failedAttempts: 1,
        },
      },
    ]);
    expect(everythingStored(t.rt)).not.toContain('909090');
  });

  it('locks the account and ends the session after too many wrong PINs at sign-off', async () => {
    const lead = await signInAs(t.rt, 'clinical_lead');
    const content = await t.signerView();
    for (let i = 0; i < 5; i++) {
      await t.api.call('signoffs.sign', {
        kind: 'patient_safety_clear',
        subjectType: 'device',
        subjectId: String(t.deviceId),
        content,
        secret: `90909${i}`,
      });
    }
    expect(auditSince(t.rt).slice(-2)).toMatchObject([
      { action: 'user.locked_out', entityId: String(lead.id) },
      { action: 'session.ended', payload: { reason: 'account_locked' } },
    ]);
    expect(await t.api.value('session.status', {})).toMatchObject({ state: 'signed_out' });
  });

  it('refuses a kind the user’s roles may not give, before asking for the PIN, naming who may', async () => {
    const { error, events } = await refusedToClinicalLead(
      'technical_readiness',
      'not even checked',
    );
    expect(error).toMatchObject({
      code: 'forbidden',
      details: { neededRoles: ['biomed'], heldRoles: ['clinical_lead'] },
    });
    expect(error.message).toContain('Clinical engineering (biomed)');
    expect(events).toMatchObject([
      {
        action: 'signoff.refused',
        actorRole: 'clinical_lead',
        payload: { reason: 'role', kind: 'technical_readiness' },
      },
    ]);
    // A technologist gives no sign-off at all.
    await signInAs(t.rt, 'technologist');
    const sign = {
      kind: 'patient_safety_clear',
      subjectType: 'device',
      subjectId: String(t.deviceId),
      content: {},
      secret: 'x',
    } as const;
    expect((await t.api.error('signoffs.sign', sign)).code).toBe('forbidden');
    // Nor the command line.
    const operator = typedCalls(t.rt, { kind: 'operator', osUser: 'root' });
    expect((await operator.error('signoffs.sign', sign)).code).toBe('forbidden');
    expect(t.signoffRows()).toBe(0);
  });

  it('signs with the role that may give the kind when the user holds several', async () => {
    const user = await signInAs(t.rt, ['biomed', 'it_security']);
    const signoff = await t.api.value(
      'signoffs.sign',
      await onDevice('network_isolation', user.secret),
    );
    expect(signoff.role).toBe('it_security');
  });

  it('refuses content that differs from the current content, and a second identical sign-off', async () => {
    const biomed = await signInAs(t.rt, 'biomed');
    const shown = await t.signerView();
    const sign = (content: Awaited<ReturnType<typeof t.signerView>>) =>
      t.api.call('signoffs.sign', {
        kind: 'technical_readiness',
        subjectType: 'device',
        subjectId: String(t.deviceId),
        content,
        secret: biomed.secret,
      });
    const before = lastAuditId(t.rt);
    const outdated = await sign({ ...shown, notes: 'what the screen showed an hour ago' });
    expect(outdated).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'content_changed' } },
    });
    expect(auditSince(t.rt, before)).toMatchObject([
      {
        action: 'signoff.refused',
        payload: { reason: 'content_changed', currentHash: sha256OfCanonical(shown) },
      },
    ]);
    expect((await sign(shown)).ok).toBe(true);
    const twice = await sign(shown);
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.signoffRows()).toBe(1);
  });

  it('refuses an unknown subject type and a subject that does not exist', async () => {
    const biomed = await signInAs(t.rt, 'biomed');
    const base = { kind: 'technical_readiness', content: {}, secret: biomed.secret } as const;
    expect(
      await t.api.error('signoffs.sign', { ...base, subjectType: 'constructor', subjectId: '1' }),
    ).toMatchObject({
      code: 'invalid_input',
      details: { field: 'subjectType' },
    });
    expect(
      (await t.api.error('signoffs.sign', { ...base, subjectType: 'device', subjectId: '4242' }))
        .code,
    ).toBe('not_found');
  });
});

describe('stale sign-offs', () => {
  it('shows a sign-off as stale, not counting, once the content changes', async () => {
    const biomed = await signInAs(t.rt, 'biomed');
    const content = await t.signerView();
    await t.api.value('signoffs.sign', {
      kind: 'verification_biomed',
      subjectType: 'device',
      subjectId: String(t.deviceId),
      content,
      secret: biomed.secret,
    });
    const subject = { subjectType: 'device', subjectId: String(t.deviceId) };
    expect(await t.api.value('signoffs.list', subject)).toMatchObject({
      contentHash: sha256OfCanonical(content),
      signoffs: [{ kind: 'verification_biomed', stale: false }],
      validKinds: ['verification_biomed'],
    });

    t.rt.services.db
      .prepare('UPDATE devices SET software_version = ? WHERE id = ?')
      .run('VG80B', t.deviceId);
    const after = await t.api.value('signoffs.list', subject);
    expect(after.signoffs).toMatchObject([{ kind: 'verification_biomed', stale: true }]);
    expect(after.validKinds).toEqual([]);
    expect(after.contentHash).not.toBe(sha256OfCanonical(content));

    // The workflow asks with the content it holds; key order does not matter (canonical JSON).
    const reordered = Object.fromEntries(Object.entries(content).reverse());
    const status = signoffStatus(
      t.rt.services.db,
      { type: 'device', id: String(t.deviceId) },
      reordered,
    );
    expect(status.validKinds).toEqual(['verification_biomed']);
  });
});
