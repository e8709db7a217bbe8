import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { signInAs } from '../test/temp-runtime';
import {
  auditSince,
  everythingStored,
  lastAuditId,
  signingStationPerTest,
} from './test/test-calls';

/**
 * Co-signing at the station: the person who must sign enters their own staff ID (or picks their
 * name) and PIN in the sign dialog of someone else's session. The sign-off is theirs; the station
 * stays with whoever holds it.
 */
const t = signingStationPerTest();

const staffIdOf = (userId: number) =>
  t.rt.services.db.prepare('SELECT staff_id FROM users WHERE id = ?').pluck().get(userId) as string;

/** The clinical lead and the biomed exist; the technologist holds the station. */
async function technologistAtStation() {
  const lead = await signInAs(t.rt, 'clinical_lead');
  const biomed = await signInAs(t.rt, 'biomed');
  const tech = await signInAs(t.rt, 'technologist');
  return { lead, biomed, tech };
}

type Signer = { userId: number } | { staffId: string };
const sign = async ({ secret, signer }: { secret: string; signer: Signer }) => ({
  kind: 'patient_safety_clear' as const,
  subjectType: 'device',
  subjectId: String(t.deviceId),
  content: await t.signerView(),
  secret,
  signer,
});

describe('co-signing at the station', () => {
  it('records the sign-off as the co-signer’s, audited as theirs, and leaves the station as it was', async () => {
    const { lead, tech } = await technologistAtStation();
    const before = lastAuditId(t.rt);
    const signoff = await t.api.value(
      'signoffs.sign',
      await sign({ secret: lead.secret, signer: { staffId: staffIdOf(lead.id) } }),
    );
    expect(signoff).toMatchObject({
      userId: lead.id,
      userName: lead.displayName,
      role: 'clinical_lead',
      stale: false,
    });
    expect(auditSince(t.rt, before)).toMatchObject([
      {
        action: 'signoff.given',
        actorUserId: lead.id,
        actorRole: 'clinical_lead',
        payload: { kind: 'patient_safety_clear', stationUserId: tech.id },
      },
    ]);
    const status = await t.api.value('session.status', {});
    expect(status).toMatchObject({ state: 'active', role: 'technologist' });
    expect(status.user?.id).toBe(tech.id);
    expect(everythingStored(t.rt)).not.toContain(lead.secret);
    expect(verifyAuditChain(t.rt.services.db).ok).toBe(true);
  });

  it('takes the co-signer picked by name as well', async () => {
    const { lead } = await technologistAtStation();
    const signoff = await t.api.value(
      'signoffs.sign',
      await sign({ secret: lead.secret, signer: { userId: lead.id } }),
    );
    expect(signoff.userId).toBe(lead.id);
  });

  it('checks the co-signer’s roles once their PIN is verified, and audits the refusal', async () => {
    const { biomed, tech } = await technologistAtStation();
    const before = lastAuditId(t.rt);
    const error = await t.api.error(
      'signoffs.sign',
      await sign({ secret: biomed.secret, signer: { staffId: staffIdOf(biomed.id) } }),
    );
    expect(error).toMatchObject({
      code: 'forbidden',
      details: { neededRoles: ['clinical_lead'], heldRoles: ['biomed'] },
    });
    expect(auditSince(t.rt, before)).toMatchObject([
      {
        action: 'signoff.refused',
        actorUserId: tech.id,
        payload: { reason: 'role', coSign: true, signerUserId: biomed.id },
      },
    ]);
    expect(t.signoffRows()).toBe(0);
  });

  it('answers a wrong PIN and an unknown staff ID alike, as at sign-in, without naming roles', async () => {
    const { biomed } = await technologistAtStation();
    const unknown = await t.api.error(
      'signoffs.sign',
      await sign({ secret: '135790', signer: { staffId: 'NOBODY-1' } }),
    );
    // A wrong PIN for someone who may not give this kind: still only "do not match".
    const wrong = await t.api.error(
      'signoffs.sign',
      await sign({ secret: '909090', signer: { staffId: staffIdOf(biomed.id) } }),
    );
    expect(unknown).toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'bad_credentials' },
    });
    expect(wrong).toEqual(unknown);
    expect(t.signoffRows()).toBe(0);
  });

  it('locks the co-signer’s account after too many wrong PINs; the station keeps its user', async () => {
    const { lead, tech } = await technologistAtStation();
    for (let i = 0; i < 5; i++) {
      await t.api.call(
        'signoffs.sign',
        await sign({ secret: `90909${i}`, signer: { staffId: staffIdOf(lead.id) } }),
      );
    }
    expect(auditSince(t.rt).slice(-2)).toMatchObject([
      { action: 'auth.failed', payload: { purpose: 'cosign', failedAttempts: 5 } },
      { action: 'user.locked_out', entityId: String(lead.id) },
    ]);
    const locked = await t.api.error(
      'signoffs.sign',
      await sign({ secret: lead.secret, signer: { staffId: staffIdOf(lead.id) } }),
    );
    expect(locked).toMatchObject({ code: 'unauthenticated', details: { reason: 'locked' } });
    expect((await t.api.value('session.status', {})).user?.id).toBe(tech.id);
    expect(t.signoffRows()).toBe(0);
  });
});
