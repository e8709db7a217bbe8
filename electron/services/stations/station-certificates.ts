import crypto from 'node:crypto';
import forge from 'node-forge';
import { derToForgeCertificate, forgeCertificateToDer } from '../signing/certificate';

/** The subject attribute that carries a station's ID in its certificate (X.520 serialNumber). */
const stationIdAttribute = '2.5.4.5';
/**
 * The subject attribute (X.520 title) that marks the certificate of a station holding the
 * organisation identity: the command post, whose requests and conflict choices other stations
 * accept. The authority signs it, so no other station can claim it.
 */
const roleAttribute = '2.5.4.12';
const commandPostRole = 'Standalone command post';
const authorityUnit = 'Standalone station authority';
const stationUnit = 'Standalone station';

type NameField = { type?: string; shortName?: string; value: string; valueTagClass: number };

/**
 * A certificate's subject as fields forge can encode again. forge keeps UTF8String values as
 * raw bytes when it parses but encodes them as UTF-8 when it writes, so they are decoded here
 * (otherwise "Zürich" would become "ZÃ¼rich" and no verifier would match the issuer).
 */
function subjectFields(cert: forge.pki.Certificate): NameField[] {
  return cert.subject.attributes.map((a) => {
    const tagClass = (a as { valueTagClass?: number }).valueTagClass ?? forge.asn1.Type.UTF8;
    const raw = String(a.value);
    return {
      type: a.type ?? '',
      value: tagClass === forge.asn1.Type.UTF8 ? forge.util.decodeUtf8(raw) : raw,
      valueTagClass: tagClass,
    };
  });
}

function commonNameOf(cert: forge.pki.Certificate): string {
  const cn = subjectFields(cert).find((f) => f.type === forge.pki.oids.commonName);
  return cn?.value ?? 'Organisation';
}

const utf8 = (shortName: string, value: string): NameField => ({
  shortName,
  value,
  valueTagClass: forge.asn1.Type.UTF8,
});

function randomSerial(): string {
  const bytes = crypto.randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
}

function forgePublicKey(key: crypto.KeyObject): forge.pki.PublicKey {
  const pem = key.export({ type: 'spki', format: 'pem' }).toString();
  return forge.pki.publicKeyFromPem(pem);
}

/** DER of DigestInfo { sha256, NULL } up to the 32 digest bytes (RFC 8017). */
const sha256DigestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** A forge signer backed by a Node key: the RSA operation runs in OpenSSL, not in JavaScript. */
export function nodeRsaSigner(privateKey: crypto.KeyObject): forge.pki.rsa.PrivateKey {
  const signer = {
    sign(md: forge.md.MessageDigest): string {
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      return crypto
        .privateEncrypt(
          { key: privateKey, padding: crypto.constants.RSA_PKCS1_PADDING },
          Buffer.concat([sha256DigestInfoPrefix, digest]),
        )
        .toString('binary');
    },
  };
  return signer as unknown as forge.pki.rsa.PrivateKey;
}

/**
 * The organisation's station authority: a self-signed CA certificate over the organisation
 * identity's own key. The identity's certificate is a document-signing certificate (not a CA),
 * which OpenSSL refuses as the issuer of another certificate; this one may issue station
 * certificates (path length 0) and is what `openssl cms -verify -CAfile` is given.
 */
export function makeAuthorityCertificate(
  organisation: { certificateDer: Buffer; privateKey: crypto.KeyObject },
  now: Date,
): Buffer {
  const orgCert = derToForgeCertificate(organisation.certificateDer);
  const name = commonNameOf(orgCert);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublicKey(crypto.createPublicKey(organisation.privateKey));
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  cert.validity.notAfter = orgCert.validity.notAfter;
  const subject = [utf8('CN', name), utf8('O', name), utf8('OU', authorityUnit)];
  cert.setSubject(subject as unknown as forge.pki.CertificateField[]);
  cert.setIssuer(subject as unknown as forge.pki.CertificateField[]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(nodeRsaSigner(organisation.privateKey), forge.md.sha256.create());
  return forgeCertificateToDer(cert);
}

/** A station's certificate: its name and ID, its public key, issued by the station authority. */
export function issueStationCertificate(
  authority: { certificateDer: Buffer; privateKey: crypto.KeyObject },
  station: { stationId: string; name: string; publicKey: crypto.KeyObject },
  now: Date,
  /** The station holding the organisation identity (it enrols itself). */
  commandPost = false,
): Buffer {
  const authorityCert = derToForgeCertificate(authority.certificateDer);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublicKey(station.publicKey);
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  cert.validity.notAfter = authorityCert.validity.notAfter;
  cert.setSubject([
    utf8('CN', station.name),
    {
      type: stationIdAttribute,
      value: station.stationId,
      valueTagClass: forge.asn1.Type.PRINTABLESTRING,
    },
    utf8('O', commonNameOf(authorityCert)),
    utf8('OU', stationUnit),
    ...(commandPost
      ? [{ type: roleAttribute, value: commandPostRole, valueTagClass: forge.asn1.Type.UTF8 }]
      : []),
  ] as unknown as forge.pki.CertificateField[]);
  cert.setIssuer(subjectFields(authorityCert) as unknown as forge.pki.CertificateField[]);
  const authorityKeyId = authorityCert.generateSubjectKeyIdentifier().getBytes();
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: authorityKeyId },
  ]);
  cert.sign(nodeRsaSigner(authority.privateKey), forge.md.sha256.create());
  return forgeCertificateToDer(cert);
}

export interface StationCertificateFacts {
  stationId: string;
  name: string;
  keyFingerprint: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** Issued to the station holding the organisation identity (see roleAttribute). */
  commandPost: boolean;
}

/** The station ID and name a station certificate carries; null when it is not one. */
export function readStationCertificate(der: Buffer): StationCertificateFacts | null {
  let cert: forge.pki.Certificate;
  let x: crypto.X509Certificate;
  try {
    cert = derToForgeCertificate(der);
    x = new crypto.X509Certificate(der);
  } catch {
    return null;
  }
  try {
    const fields = subjectFields(cert);
    const id = fields.find((f) => f.type === stationIdAttribute)?.value;
    const name = fields.find((f) => f.type === forge.pki.oids.commonName)?.value;
    const unit = fields.find((f) => f.type === forge.pki.oids.organizationalUnitName)?.value;
    if (!id || !name || unit !== stationUnit) return null;
    return {
      stationId: id,
      name,
      keyFingerprint: publicKeyFingerprint(x.publicKey),
      serialNumber: x.serialNumber.toUpperCase(),
      notBefore: new Date(x.validFrom).toISOString(),
      notAfter: new Date(x.validTo).toISOString(),
      commandPost: fields.some((f) => f.type === roleAttribute && f.value === commandPostRole),
    };
  } catch {
    // A damaged certificate (an invalid date, a name that is not UTF-8) is not a station's.
    return null;
  }
}

/** Whether `der` was issued by the authority (signature and issuer name) and is valid at `now`. */
export function issuedByAuthority(der: Buffer, authorityDer: Buffer, now: Date): boolean {
  try {
    const x = new crypto.X509Certificate(der);
    const authority = new crypto.X509Certificate(authorityDer);
    if (x.issuer !== authority.subject || !x.verify(authority.publicKey)) return false;
    return new Date(x.validFrom) <= now && now <= new Date(x.validTo);
  } catch {
    return false;
  }
}

/** SHA-256 of a public key's SubjectPublicKeyInfo (DER), `AB:CD:…`. */
export function publicKeyFingerprint(key: crypto.KeyObject): string {
  const spki = key.export({ type: 'spki', format: 'der' });
  return (
    crypto.createHash('sha256').update(spki).digest('hex').toUpperCase().match(/../g)?.join(':') ??
    ''
  );
}

/** The first 64 bits of a fingerprint in four groups: "3A5F 9C01 77B2 D4E8", to read aloud. */
export function spokenFingerprint(fingerprint: string): string {
  const hex = fingerprint.replaceAll(':', '').slice(0, 16);
  return hex.match(/..../g)?.join(' ') ?? hex;
}
