import crypto from 'node:crypto';
import { englishErrorWords, type ErrorWords } from '../../api/error-words';
import {
  childrenOf,
  content,
  DerError,
  expectTag,
  oid,
  readElement,
  readOid,
  setOf,
  smallInteger,
  tags,
  tlv,
  tlvHeader,
  utcTime,
  whole,
  type Element,
} from '../stations/der';

/**
 * A bundle's envelope: CMS SignedData (RFC 5652) with the payload encapsulated, one signer (the
 * station) identified by issuer and serial number, SHA-256 and RSA PKCS#1 v1.5, and the signed
 * attributes contentType, signingTime and messageDigest. It is what `openssl cms -verify
 * -binary -inform DER -CAfile authority.pem` checks, so hospital IT can verify a bundle without
 * the app.
 */
const oids = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

const sha256Algorithm = () => tlv(tags.sequence, oid(oids.sha256), tlv(tags.null, Buffer.alloc(0)));

function attribute(type: string, value: Buffer): Buffer {
  return tlv(tags.sequence, oid(type), tlv(tags.set, value));
}

/** The issuer (Name) and serial number (INTEGER) of a certificate, as encoded in it. */
function issuerAndSerial(certificateDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const cert = readElement(certificateDer, 0);
  const tbs = childrenOf(
    certificateDer,
    expectTag(childrenOf(certificateDer, cert)[0], tags.sequence, 'TBSCertificate'),
  );
  const offset = tbs[0]?.tag === tags.context0 ? 1 : 0;
  const serial = expectTag(tbs[offset], tags.integer, 'serial number');
  const issuer = expectTag(tbs[offset + 2], tags.sequence, 'issuer');
  return { issuer: whole(certificateDer, issuer), serial: whole(certificateDer, serial) };
}

type Signer = { certificateDer: Buffer; privateKey: crypto.KeyObject };

/** The signer's certificate and SignerInfo, which follow the payload in the envelope. */
function trailer(signer: Signer, signingTime: Date, digest: Buffer, signature: Buffer): Buffer {
  const { issuer, serial } = issuerAndSerial(signer.certificateDer);
  const signerInfo = tlv(
    tags.sequence,
    smallInteger(1),
    tlv(tags.sequence, issuer, serial),
    sha256Algorithm(),
    // IMPLICIT [0]: the same content as the SET that was signed, under another tag.
    Buffer.concat([
      Buffer.from([tags.context0]),
      signedAttributes(signingTime, digest).subarray(1),
    ]),
    tlv(tags.sequence, oid(oids.rsaEncryption), tlv(tags.null, Buffer.alloc(0))),
    tlv(tags.octetString, signature),
  );
  return Buffer.concat([tlv(tags.context0, signer.certificateDer), tlv(tags.set, signerInfo)]);
}

function signedAttributes(signingTime: Date, digest: Buffer): Buffer {
  return setOf([
    attribute(oids.contentType, oid(oids.data)),
    attribute(oids.signingTime, utcTime(signingTime)),
    attribute(oids.messageDigest, tlv(tags.octetString, digest)),
  ]);
}

/** A bundle's envelope around a payload written in between, piece by piece. */
export interface Envelope {
  /** Everything before the payload. */
  before: Buffer;
  /** Everything after it, signed once the payload's SHA-256 is known. */
  after(digest: Buffer): Buffer;
}

/**
 * The envelope for a payload of `payloadLength` bytes. A bundle of many megabytes is then hashed
 * and written straight to its file as it is read from the database, never held whole in one
 * buffer: on a busy station each copy of it costs more than hashing it. The lengths before the
 * payload depend on the signature's length, which is the key's modulus length whatever is signed.
 */
export function envelopeAround(payloadLength: number, signer: Signer, signingTime: Date): Envelope {
  const modulusBits = signer.privateKey.asymmetricKeyDetails?.modulusLength;
  if (signer.privateKey.asymmetricKeyType !== 'rsa' || !modulusBits) {
    throw new Error('bundles are signed with an RSA station key');
  }
  const afterLength = trailer(
    signer,
    signingTime,
    Buffer.alloc(32),
    Buffer.alloc(Math.ceil(modulusBits / 8)),
  ).length;
  // SignedData: version, digest algorithms, the encapsulated content (the payload as an OCTET
  // STRING under EXPLICIT [0]), then the certificate and the signer (the trailer).
  const octets = tlvHeader(tags.octetString, payloadLength);
  const eContent = tlvHeader(tags.context0, octets.length + payloadLength);
  const dataType = oid(oids.data);
  const encapLength = dataType.length + eContent.length + octets.length + payloadLength;
  const encap = tlvHeader(tags.sequence, encapLength);
  const leading = Buffer.concat([smallInteger(1), tlv(tags.set, sha256Algorithm())]);
  const signedDataLength = leading.length + encap.length + encapLength + afterLength;
  const signedData = tlvHeader(tags.sequence, signedDataLength);
  const explicitLength = signedData.length + signedDataLength;
  const explicit = tlvHeader(tags.context0, explicitLength);
  const type = oid(oids.signedData);
  const outer = tlvHeader(tags.sequence, type.length + explicit.length + explicitLength);
  return {
    before: Buffer.concat([
      outer,
      type,
      explicit,
      signedData,
      leading,
      encap,
      dataType,
      eContent,
      octets,
    ]),
    after(digest) {
      const signature = crypto.sign(
        'sha256',
        signedAttributes(signingTime, digest),
        signer.privateKey,
      );
      const bytes = trailer(signer, signingTime, digest, signature);
      if (bytes.length !== afterLength) throw new Error('the signature has an unexpected length');
      return bytes;
    },
  };
}

export function signBundle(payload: Buffer, signer: Signer, signingTime: Date): Buffer {
  const digest = crypto.createHash('sha256').update(payload).digest();
  const envelope = envelopeAround(payload.length, signer, signingTime);
  return Buffer.concat([envelope.before, payload, envelope.after(digest)]);
}

/** What an envelope holds, before anything in it is trusted. */
export interface OpenedEnvelope {
  payload: Buffer;
  certificates: Buffer[];
  /** The certificate the signer names (by issuer and serial), if the envelope carries it. */
  signerCertificate: Buffer | null;
  signedAttributes: Buffer;
  signature: Buffer;
  messageDigest: Buffer | null;
  signingTime: string | null;
}

/** Not CMS SignedData of the shape bundles have: the file is not a bundle at all. */
/** Not a bundle envelope; `words` when the reason is for people, else the message is technical. */
export class NotAnEnvelope extends Error {
  constructor(
    message: string,
    readonly words?: ErrorWords,
  ) {
    super(message);
  }
}
/** It starts as a bundle but ends early. */
export class TruncatedEnvelope extends Error {
  constructor(readonly words: ErrorWords) {
    super(englishErrorWords(words));
  }
}

/** Parse the envelope. Throws NotAnEnvelope or TruncatedEnvelope; checks nothing cryptographic. */
export function openEnvelope(file: Buffer): OpenedEnvelope {
  let outer: Element;
  try {
    outer = readElement(file, 0, Number.MAX_SAFE_INTEGER);
  } catch {
    throw new NotAnEnvelope('it does not start with a DER SEQUENCE');
  }
  if (outer.tag !== tags.sequence) throw new NotAnEnvelope('it does not start with a DER SEQUENCE');
  if (outer.end > file.length) {
    throw new TruncatedEnvelope({
      key: 'bundleTruncated',
      params: { bytes: file.length, declared: outer.end },
    });
  }
  if (outer.end < file.length) throw new NotAnEnvelope('there are bytes after the envelope');
  try {
    const [type, explicit] = childrenOf(file, outer);
    if (!type || readOid(file, type) !== oids.signedData) {
      throw new DerError('not CMS SignedData');
    }
    const signedData = expectTag(
      childrenOf(file, expectTag(explicit, tags.context0, '[0]'))[0],
      tags.sequence,
      'SignedData',
    );
    const fields = childrenOf(file, signedData);
    const encap = childrenOf(file, expectTag(fields[2], tags.sequence, 'EncapsulatedContentInfo'));
    if (!encap[0] || readOid(file, encap[0]) !== oids.data)
      throw new DerError('content is not data');
    const octets = childrenOf(file, expectTag(encap[1], tags.context0, 'eContent'))[0];
    const payload = content(file, expectTag(octets, tags.octetString, 'OCTET STRING'));
    const certificatesField = fields.find((f, i) => i > 2 && f.tag === tags.context0);
    const certificates = certificatesField
      ? childrenOf(file, certificatesField).map((c) => Buffer.from(whole(file, c)))
      : [];
    const signerInfos = expectTag(fields.at(-1), tags.set, 'SignerInfos');
    const infos = childrenOf(file, signerInfos);
    if (infos.length !== 1) throw new DerError('a bundle has exactly one signer');
    const info = childrenOf(file, expectTag(infos[0], tags.sequence, 'SignerInfo'));
    const sid = childrenOf(file, expectTag(info[1], tags.sequence, 'IssuerAndSerialNumber'));
    const sidIssuer = whole(file, expectTag(sid[0], tags.sequence, 'issuer'));
    const sidSerial = whole(file, expectTag(sid[1], tags.integer, 'serial'));
    const attrs = expectTag(info[3], tags.context0, 'signed attributes');
    const signature = content(file, expectTag(info[5], tags.octetString, 'signature'));
    let messageDigest: Buffer | null = null;
    let signingTime: string | null = null;
    for (const a of childrenOf(file, attrs)) {
      const [attrType, values] = childrenOf(file, a);
      if (!attrType || !values) continue;
      const value = childrenOf(file, values)[0];
      if (!value) continue;
      const t = readOid(file, attrType);
      if (t === oids.messageDigest) messageDigest = Buffer.from(content(file, value));
      if (t === oids.signingTime) signingTime = content(file, value).toString('latin1');
    }
    const signerCertificate =
      certificates.find((c) => {
        try {
          const ids = issuerAndSerial(c);
          return ids.issuer.equals(sidIssuer) && ids.serial.equals(sidSerial);
        } catch {
          return false;
        }
      }) ?? null;
    const signed = whole(file, attrs);
    return {
      payload: Buffer.from(payload),
      certificates,
      signerCertificate,
      // The signature covers the attributes under the SET tag, not the IMPLICIT [0] one.
      signedAttributes: Buffer.concat([Buffer.from([tags.set]), signed.subarray(1)]),
      signature: Buffer.from(signature),
      messageDigest,
      signingTime,
    };
  } catch (error) {
    if (error instanceof DerError)
      throw new NotAnEnvelope(`not a bundle envelope (${error.message})`);
    throw error;
  }
}

/** Whether the signer's key signed the attributes and the attributes carry the payload's digest. */
export function envelopeSignatureValid(envelope: OpenedEnvelope): boolean {
  if (!envelope.signerCertificate || !envelope.messageDigest) return false;
  const digest = crypto.createHash('sha256').update(envelope.payload).digest();
  if (!digest.equals(envelope.messageDigest)) return false;
  try {
    const key = new crypto.X509Certificate(envelope.signerCertificate).publicKey;
    return crypto.verify('sha256', envelope.signedAttributes, key, envelope.signature);
  } catch {
    return false;
  }
}
