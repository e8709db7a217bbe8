import { describe, expect, it } from 'vitest';
import { signoffKinds, type SignoffKind } from '../../api/permissions';
import { signInAs, testOperator } from '../test/temp-runtime';
import { auditSince, lastAuditId, signingStationPerTest } from './test/test-calls';

/**
 * A person signs the words they read: the sign dialog shows the statement in the reader's
 * language and sends that language; the sign-off stores that statement, as shown, and the hash
 * chain, the replay and the documents carry it. Sign-offs given in English stay English.
 */
const t = signingStationPerTest();

/** The biomed's sign-off of `kind` on the test device, read in `language`. */
async function sign(language: string | undefined, kind: SignoffKind = 'technical_readiness') {
  const biomed = await signInAs(t.rt, 'biomed');
  const content = await t.signerView();
  return t.api.value('signoffs.sign', {
    kind,
    subjectType: 'device',
    subjectId: String(t.deviceId),
    content,
    secret: biomed.secret,
    ...(language !== undefined ? { language } : {}),
  });
}

const storedStatements = () =>
  t.rt.services.db.prepare('SELECT statement FROM signoffs ORDER BY id').pluck().all();

describe('the sign-off statement in the signer’s language', () => {
  it('stores the German statement as shown, in the row and in the hash-chained event; replay agrees', async () => {
    const before = lastAuditId(t.rt);
    const signoff = await sign('de');
    const german = signoffKinds.technical_readiness.statements.de;
    expect(signoff.statement).toBe(german);
    expect(storedStatements()).toEqual([german]);
    const given = auditSince(t.rt, before).find((e) => e.action === 'signoff.given');
    expect(given?.payload).toMatchObject({ statement: german });
    // The bound row replays from the event: audit verify rebuilds the German text.
    const report = await t.rt.client(testOperator).value('audit.verify', {});
    expect(report.ok).toBe(true);
    expect(report.records?.problems ?? []).toEqual([]);
  });

  it('reads "de-CH" as German, and an unknown language or none as English', async () => {
    await sign('de-CH', 'technical_readiness');
    await sign('fr', 'risk_acceptance');
    await sign(undefined, 'verification_biomed');
    expect(storedStatements()).toEqual([
      signoffKinds.technical_readiness.statements.de,
      signoffKinds.risk_acceptance.statements.en,
      signoffKinds.verification_biomed.statements.en,
    ]);
    expect((await t.rt.client(testOperator).value('audit.verify', {})).ok).toBe(true);
  });

  it('refuses a language that is not a language tag, storing nothing', async () => {
    const biomed = await signInAs(t.rt, 'biomed');
    const error = await t.api.error('signoffs.sign', {
      kind: 'technical_readiness',
      subjectType: 'device',
      subjectId: String(t.deviceId),
      content: await t.signerView(),
      secret: biomed.secret,
      language: 'Ich bestätige alles',
    });
    expect(error.code).toBe('invalid_input');
    expect(storedStatements()).toEqual([]);
  });
});
