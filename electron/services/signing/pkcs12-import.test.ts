import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningIdentityView } from '../../api/domains/signing';
import { startTestRuntime, tempDir, type TestRuntime } from '../test/temp-runtime';
import { setUpSigningIdentity, signInFirstAdmin, testPassphrase } from './test/test-identity';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function openssl(args: string[]): { code: number | null; stdout: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout };
}

function lastSigningAudit(rt: TestRuntime): { action: string; payload: Record<string, unknown> } {
  const body = rt.services.db
    .prepare(
      "SELECT body FROM audit_events WHERE entity_type = 'signing_identity' ORDER BY id DESC LIMIT 1",
    )
    .pluck()
    .get() as string;
  return JSON.parse(body) as { action: string; payload: Record<string, unknown> };
}

/** A PKCS#12 file with an RSA key and a certificate made the way a hospital PKI would. */
function pkcs12WithForge(
  subject: string,
  password: string,
  days = 365,
): { p12: Buffer; certDer: Buffer } {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '0a1b2c3d';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date(Date.UTC(2026, 0, 1 + days));
  const name = [
    { shortName: 'CN', value: subject, valueTagClass: forge.asn1.Type.UTF8 },
  ] as unknown as forge.pki.CertificateField[];
  const issuer = [
    { shortName: 'CN', value: 'Hospital Issuing CA', valueTagClass: forge.asn1.Type.UTF8 },
  ] as unknown as forge.pki.CertificateField[];
  cert.setSubject(name);
  cert.setIssuer(issuer);
  cert.setExtensions([
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' });
  return {
    p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'),
    certDer: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'),
  };
}

describe('importing a PKCS#12 file from the hospital PKI', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = startTestRuntime();
    await setUpSigningIdentity(rt);
  }, 180_000);
  afterAll(() => rt.cleanup());

  const importP12 = (p12: Buffer, p12Password: string) =>
    rt.client().call('signing.importP12', {
      contentBase64: p12.toString('base64'),
      p12Password,
      newPassphrase: 'a new passphrase for Łódź',
    });

  it('refuses a file asking for over 10 million iterations before deriving any key', async () => {
    const { p12 } = pkcs12WithForge('Slow', 'p12-secret');
    const asn1 = forge.asn1.fromDer(p12.toString('binary'));
    // PFX: version, authSafe, macData { mac, macSalt, iterations }.
    const macData = (asn1.value as forge.asn1.Asn1[])[2];
    const iterations = (macData?.value as forge.asn1.Asn1[] | undefined)?.[2];
    if (!iterations) throw new Error('no MAC iterations in the test file');
    iterations.value = forge.asn1.integerToDer(2_000_000_000).getBytes();
    const slow = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
    const before = await rt.client().value('signing.status', {});
    const result = await importP12(slow, 'p12-secret');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) {
      expect(result.error.message).toContain('2,000,000,000 key-derivation iterations');
      expect(result.error.message).toContain('at most 10,000,000');
    }
    expect(await rt.client().value('signing.status', {})).toEqual(before);
  });

  it('imports key and certificate, reports subject, issuer, validity and fingerprint, and keeps the old certificate', async () => {
    const before = await rt.client().value('signing.status', {});
    const { p12, certDer } = pkcs12WithForge('Hôpital Łódź — signature', 'p12-secret');
    const result = await importP12(p12, 'p12-secret');
    expect(result).toMatchObject({
      ok: true,
      value: {
        subject: 'CN=Hôpital Łódź — signature',
        issuer: 'CN=Hospital Issuing CA',
        notBefore: '2026-01-01T00:00:00.000Z',
        notAfter: '2027-01-01T00:00:00.000Z',
        fingerprintSha256: new crypto.X509Certificate(certDer).fingerprint256,
        selfSigned: false,
        source: 'imported',
      },
    });
    expect(await rt.client().value('signing.status', {})).toMatchObject({
      unlocked: true,
      previousIdentities: 1,
    });
    const old = rt.services.db
      .prepare(
        'SELECT encrypted_key, retired_at FROM signing_identities WHERE fingerprint_sha256 = ?',
      )
      .get(before.identity?.fingerprintSha256) as {
      encrypted_key: string | null;
      retired_at: string;
    };
    expect(old).toEqual({ encrypted_key: null, retired_at: '2026-11-28T08:00:00.000Z' });
    expect(lastSigningAudit(rt)).toMatchObject({
      action: 'signing.imported',
      payload: {
        issuer: 'CN=Hospital Issuing CA',
        retiredFingerprintSha256: before.identity?.fingerprintSha256,
      },
    });
    // The new passphrase unlocks it after a lock.
    await rt.client().value('signing.lock', {});
    expect(
      await rt.client().value('signing.unlock', { passphrase: 'a new passphrase for Łódź' }),
    ).toMatchObject({ unlocked: true });
  });

  it.skipIf(!hasOpenssl)(
    'imports what `openssl pkcs12 -export` makes, in its default and legacy encryption',
    async () => {
      const { dir, cleanup } = tempDir('standalone-p12-');
      // openssl dates its certificate from the real clock: this runtime's clock must agree.
      const real = startTestRuntime(new Date().toISOString());
      const importP12 = (p12: Buffer, p12Password: string) =>
        real.client().call('signing.importP12', {
          contentBase64: p12.toString('base64'),
          p12Password,
          newPassphrase: testPassphrase,
        });
      try {
        await signInFirstAdmin(real);
        const key = path.join(dir, 'key.pem');
        const cert = path.join(dir, 'cert.pem');
        expect(
          openssl([
            'req',
            '-utf8',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-keyout',
            key,
            '-out',
            cert,
            '-days',
            '400',
            '-subj',
            '/CN=Ørsted Signing/O=Region Hovedstaden',
            '-addext',
            'keyUsage=critical,digitalSignature,nonRepudiation',
          ]).code,
        ).toBe(0);
        for (const legacy of [[], ['-legacy']]) {
          const out = path.join(dir, `id${legacy.length}.p12`);
          expect(
            openssl([
              'pkcs12',
              '-export',
              ...legacy,
              '-inkey',
              key,
              '-in',
              cert,
              '-out',
              out,
              '-passout',
              'pass:from openssl',
            ]).code,
          ).toBe(0);
          const result = await importP12(fs.readFileSync(out), 'from openssl');
          expect(result).toMatchObject({
            ok: true,
            value: { subject: 'CN=Ørsted Signing, O=Region Hovedstaden', selfSigned: true },
          });
          const fingerprint = openssl([
            'x509',
            '-in',
            cert,
            '-noout',
            '-fingerprint',
            '-sha256',
          ]).stdout.trim();
          expect(fingerprint).toBe(
            `sha256 Fingerprint=${(result as { value: SigningIdentityView }).value.fingerprintSha256}`,
          );
        }
        // Without the key, or with an EC key, the file cannot sign.
        const nokeys = path.join(dir, 'nokeys.p12');
        openssl([
          'pkcs12',
          '-export',
          '-nokeys',
          '-in',
          cert,
          '-out',
          nokeys,
          '-passout',
          'pass:x',
        ]);
        expect(await importP12(fs.readFileSync(nokeys), 'x')).toMatchObject({
          ok: false,
          error: { message: expect.stringContaining('no private key') },
        });
        const ecKey = path.join(dir, 'ec.pem');
        const ecCert = path.join(dir, 'ec-cert.pem');
        const ecP12 = path.join(dir, 'ec.p12');
        openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', ecKey]);
        openssl(['req', '-x509', '-key', ecKey, '-out', ecCert, '-days', '30', '-subj', '/CN=EC']);
        openssl([
          'pkcs12',
          '-export',
          '-inkey',
          ecKey,
          '-in',
          ecCert,
          '-out',
          ecP12,
          '-passout',
          'pass:x',
        ]);
        expect(await importP12(fs.readFileSync(ecP12), 'x')).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', message: expect.stringContaining('RSA keys only') },
        });
      } finally {
        real.cleanup();
        cleanup();
      }
    },
  );

  it('refuses a wrong PKCS#12 password, a file that is not PKCS#12 and an expired certificate, changing nothing', async () => {
    const current = (await rt.client().value('signing.status', {})).identity?.fingerprintSha256;
    const { p12 } = pkcs12WithForge('Short-lived', 'right', 30);
    expect(await importP12(p12, 'wrong')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('password is not correct') },
    });
    expect(await importP12(Buffer.from('not a pkcs12 file at all'), 'x')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('PKCS#12') },
    });
    expect(await importP12(p12, 'right')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('expired on 2026-01-31') },
    });
    expect((await rt.client().value('signing.status', {})).identity?.fingerprintSha256).toBe(
      current,
    );
  });
});
