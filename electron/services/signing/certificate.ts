import crypto from 'node:crypto';
import forge from 'node-forge';
import type { CertificateFacts } from '../../api/domains/signing';
import { wordedError } from '../core/errors';

export const validityYears = 5;

/** `CN=a\nO=b` (Node's form) as one line, `CN=a, O=b`. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/** What the app shows and stores about a certificate, read with Node's own X.509 parser. */
export function describeCertificate(der: Buffer): CertificateFacts {
  const x = new crypto.X509Certificate(der);
  const details = x.publicKey.asymmetricKeyDetails;
  const type = x.publicKey.asymmetricKeyType ?? 'unknown';
  const keyAlgorithm =
    type === 'rsa'
      ? `RSA ${details?.modulusLength ?? '?'}`
      : type === 'ec'
        ? `EC ${details?.namedCurve ?? '?'}`
        : type.toUpperCase();
  return {
    subject: oneLine(x.subject),
    issuer: oneLine(x.issuer),
    serialNumber: x.serialNumber.toUpperCase(),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    fingerprintSha256: x.fingerprint256,
    keyAlgorithm,
    // Not x.checkIssued(x): OpenSSL also asks the issuer for keyCertSign, which a signing-only
    // certificate rightly lacks.
    selfSigned: x.subject === x.issuer && x.verify(x.publicKey),
  };
}

/** The fingerprint format used everywhere (DB, PDFs, API): `AB:CD:…`. */
export function fingerprintOf(der: Buffer): string {
  return new crypto.X509Certificate(der).fingerprint256;
}

export function certificateToPem(der: Buffer): string {
  return new crypto.X509Certificate(der).toString();
}

export function forgeCertificateToDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

export function derToForgeCertificate(der: Buffer): forge.pki.Certificate {
  return forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary')));
}

/** A positive serial number of 128 random bits (RFC 5280 asks for at least 64 and ≤ 20 bytes). */
function randomSerial(): string {
  const bytes = crypto.randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
}

/**
 * A self-signed RSA 2048 / SHA-256 certificate for the organisation, valid for five years, with
 * key usage digitalSignature + nonRepudiation. RSA because node-forge's PKCS#7 (the signature
 * format of @signpdf) signs only with RSA; poppler's pdfsig verifies RSA and ECDSA alike.
 * The key pair comes from Node's crypto (OpenSSL): forge's own generator takes seconds.
 */
export function generateSelfSignedIdentity(
  organisation: string,
  now: Date,
  commonName = organisation,
): { privateKey: crypto.KeyObject; certificateDer: Buffer } {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  cert.serialNumber = randomSerial();
  // A few minutes back, so that a reader whose clock is slightly behind does not see a
  // certificate that is not yet valid.
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + validityYears);
  cert.validity.notAfter = notAfter;
  // UTF8String, so that names like "Zürich" or "Łódź" are encoded correctly.
  const name = [
    { shortName: 'CN', value: commonName, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'O', value: organisation, valueTagClass: forge.asn1.Type.UTF8 },
  ] as unknown as forge.pki.CertificateField[];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgeKey, forge.md.sha256.create());
  return { privateKey, certificateDer: forgeCertificateToDer(cert) };
}

/**
 * Refuse a certificate that cannot sign PDFs here: not RSA ≥ 2048 (what forge's PKCS#7 can
 * sign with), expired or not yet valid, or a key usage that excludes signing documents.
 */
export function assertUsableForSigning(der: Buffer, facts: CertificateFacts, now: Date): void {
  const x = new crypto.X509Certificate(der);
  if (x.publicKey.asymmetricKeyType !== 'rsa') {
    throw wordedError('invalid_input', 'certNotRsa', { algorithm: facts.keyAlgorithm });
  }
  const bits = x.publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) {
    throw wordedError('invalid_input', 'certShortKey', { bits });
  }
  if (new Date(facts.notAfter) <= now) {
    throw wordedError('invalid_input', 'certExpired', {
      subject: facts.subject,
      notAfter: facts.notAfter,
    });
  }
  // Ten minutes of grace: the PKI's clock and this workstation's rarely agree to the second.
  if (new Date(facts.notBefore).getTime() > now.getTime() + 10 * 60_000) {
    throw wordedError('invalid_input', 'certNotYetValid', {
      subject: facts.subject,
      notBefore: facts.notBefore,
    });
  }
  const keyUsage = derToForgeCertificate(der).getExtension('keyUsage') as {
    digitalSignature?: boolean;
    nonRepudiation?: boolean;
  } | null;
  if (keyUsage && !keyUsage.digitalSignature && !keyUsage.nonRepudiation) {
    throw wordedError('invalid_input', 'certNoSigning', { subject: facts.subject });
  }
}
