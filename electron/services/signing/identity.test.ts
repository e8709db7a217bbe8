import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningIdentityView } from '../../api/domains/signing';
import { verifyAuditChain } from '../audit/verify';
import { exportSignedPdf } from '../pdf/sign';
import { sampleCaseDocument } from '../pdf/sample-documents';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { unlockedIdentity } from './session-key';
import { signInFirstAdmin, testOrganisation, testPassphrase } from './test/test-identity';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function openssl(
  args: string[],
  input?: Buffer,
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('openssl', args, { input, encoding: 'buffer' });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

function auditActions(rt: TestRuntime): { action: string; payload: Record<string, unknown> }[] {
  return (
    rt.services.db
      .prepare("SELECT body FROM audit_events WHERE entity_type = 'signing_identity' ORDER BY id")
      .pluck()
      .all() as string[]
  ).map((body) => JSON.parse(body) as { action: string; payload: Record<string, unknown> });
}

describe('generating the signing identity', () => {
  let rt: TestRuntime;
  let view: SigningIdentityView;
  beforeAll(async () => {
    rt = startTestRuntime();
    await signInFirstAdmin(rt);
    expect(await rt.client().value('signing.status', {})).toMatchObject({
      configured: false,
      unlocked: false,
      identity: null,
    });
    view = await rt.client().value('signing.generate', {
      organisation: testOrganisation,
      passphrase: testPassphrase,
    });
  }, 180_000);
  afterAll(() => rt.cleanup());

  it('makes a self-signed RSA 2048 certificate for the organisation, valid five years', async () => {
    expect(view).toMatchObject({
      subject: `CN=${testOrganisation}, O=${testOrganisation}`,
      issuer: `CN=${testOrganisation}, O=${testOrganisation}`,
      keyAlgorithm: 'RSA 2048',
      selfSigned: true,
      source: 'generated',
      notAfter: '2031-11-28T08:00:00.000Z',
    });
    expect(view.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await rt.client().value('signing.status', {})).toMatchObject({
      configured: true,
      unlocked: true,
      identity: view,
      previousIdentities: 0,
      warnings: [],
    });
  });

  it('exports the certificate as PEM and DER with the fingerprint it reports', async () => {
    const pem = await rt.client().value('signing.exportCertificate', { format: 'pem' });
    const der = await rt.client().value('signing.exportCertificate', { format: 'der' });
    expect(pem.content).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/,
    );
    expect(der.fileName).toMatch(/^standalone-signing-[0-9A-F]{8}\.cer$/);
    const derBytes = Buffer.from(der.content, 'base64');
    expect(new crypto.X509Certificate(pem.content).raw.equals(derBytes)).toBe(true);
    if (hasOpenssl) {
      const fromPem = openssl(
        ['x509', '-noout', '-fingerprint', '-sha256'],
        Buffer.from(pem.content),
      );
      const fromDer = openssl(
        ['x509', '-inform', 'DER', '-noout', '-fingerprint', '-sha256', '-text'],
        derBytes,
      );
      expect(fromPem.stdout.trim()).toBe(`sha256 Fingerprint=${view.fingerprintSha256}`);
      expect(fromDer.stdout).toContain(`sha256 Fingerprint=${view.fingerprintSha256}`);
      expect(fromDer.stdout).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
      expect(fromDer.stdout).toContain('Public-Key: (2048 bit)');
      expect(fromDer.stdout).toContain('Signature Algorithm: sha256WithRSAEncryption');
    } else {
      const fingerprint = crypto.createHash('sha256').update(derBytes).digest('hex').toUpperCase();
      expect(view.fingerprintSha256.replaceAll(':', '')).toBe(fingerprint);
    }
  });

  it('stores the key only encrypted (scrypt + AES-256-GCM), never in the clear', () => {
    const row = rt.services.db
      .prepare('SELECT encrypted_key FROM signing_identities WHERE current = 1')
      .get() as { encrypted_key: string };
    expect(JSON.parse(row.encrypted_key)).toMatchObject({
      kdf: 'scrypt',
      N: 131072,
      r: 8,
      p: 1,
      cipher: 'aes-256-gcm',
    });
    const jwk = unlockedIdentity(rt.services.db)?.privateKey.export({ format: 'jwk' });
    // The private exponent and a prime: any 32 bytes of them would betray the key.
    const secrets = [jwk?.d, jwk?.p].map((v) =>
      Buffer.from(String(v), 'base64url').subarray(0, 32),
    );
    expect(secrets.every((s) => s.length === 32)).toBe(true);
    rt.services.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = fs.readdirSync(rt.dir).filter((f) => f.includes('sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(rt.dir, file));
      for (const secret of secrets) expect(bytes.includes(secret)).toBe(false);
      expect(bytes.includes(Buffer.from(testPassphrase))).toBe(false);
    }
  });

  it('refuses a wrong passphrase and keeps the key locked; the right one unlocks it', async () => {
    await rt.client().value('signing.lock', {});
    expect((await rt.client().value('signing.status', {})).unlocked).toBe(false);
    await expect(
      exportSignedPdf(rt.services, sampleCaseDocument(rt.clock.now())),
    ).rejects.toMatchObject({
      code: 'forbidden',
      details: { signing: 'locked' },
    });
    const wrong = await rt.client().call('signing.unlock', {
      passphrase: 'correct horse battery stapler',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'forbidden', details: { signing: 'wrong_passphrase' } },
    });
    expect((await rt.client().value('signing.status', {})).unlocked).toBe(false);
    expect(await rt.client().value('signing.unlock', { passphrase: testPassphrase })).toMatchObject(
      { unlocked: true },
    );
    const pdf = await exportSignedPdf(rt.services, sampleCaseDocument(rt.clock.now()));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a passphrase shorter than 12 characters', async () => {
    const result = await rt.client().call('signing.generate', {
      organisation: 'X',
      passphrase: 'short',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('12 characters') },
    });
  });

  it('audits every change without the key or a passphrase, in a chain that verifies', () => {
    const events = auditActions(rt);
    expect(events.map((e) => e.action)).toEqual([
      'signing.generated',
      'signing.locked',
      'signing.unlock_failed',
      'signing.unlocked',
    ]);
    expect(events[0]?.payload).toMatchObject({
      fingerprintSha256: view.fingerprintSha256,
      subject: view.subject,
      retiredFingerprintSha256: null,
    });
    const all = (
      rt.services.db.prepare('SELECT body FROM audit_events').pluck().all() as string[]
    ).join('\n');
    expect(all).not.toContain(testPassphrase);
    expect(all).not.toContain('correct horse battery stapler');
    expect(all).not.toContain('PRIVATE KEY');
    expect(verifyAuditChain(rt.services.db).ok).toBe(true);
  });
});

describe('who may change the signing identity', () => {
  it('refuses generate to a signed-in technologist', async () => {
    const rt = startTestRuntime();
    try {
      await signInFirstAdmin(rt);
      const tech = await rt.client().value('people.create', {
        displayName: 'Tess Technologist',
        roles: ['technologist'],
        secret: 'tech-password-1',
        mustChangeCredential: false,
      });
      await rt.client().value('session.signOut', {});
      await rt.client().value('session.signIn', { userId: tech.id, secret: 'tech-password-1' });
      const result = await rt.client().call('signing.generate', {
        organisation: 'X',
        passphrase: testPassphrase,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await rt.client().value('signing.status', {})).toMatchObject({ configured: false });
    } finally {
      rt.cleanup();
    }
  });
});
