import crypto from 'node:crypto';
import forge from 'node-forge';
import type { SignatureProblemCode } from '../../api/domains/pdf-verify';

export type { SignatureProblemCode };

/**
 * The cryptographic half of verify-pdf, on the file's bytes alone: the ByteRange must cover the
 * whole file but the signature; the PKCS#7 SignedData (read with node-forge's ASN.1 parser) must
 * carry a SHA-256 messageDigest equal to the digest of those bytes, and an RSA signature over
 * its signed attributes that the embedded signer certificate's key verifies (Node's OpenSSL).
 */

export interface SignatureProblem {
  code: SignatureProblemCode;
  message: string;
}

export interface SignerCertificate {
  der: Buffer;
  subject: string;
  issuer: string;
  serialNumber: string;
  fingerprintSha256: string;
  notBefore: string;
  notAfter: string;
}

export interface SignatureCheck {
  byteRange: [number, number, number, number] | null;
  wholeDocument: boolean;
  digestMatches: boolean;
  signatureValid: boolean;
  signingTime: string | null;
  signer: SignerCertificate | null;
  problems: SignatureProblem[];
}

const oids = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

type Node = forge.asn1.Asn1;
const { Class, Type } = forge.asn1;

class Malformed extends Error {}

function kids(node: Node | undefined, what: string): Node[] {
  if (!node || !Array.isArray(node.value)) throw new Malformed(`${what} is missing`);
  return node.value as Node[];
}
function bytes(node: Node | undefined, what: string): string {
  if (!node || typeof node.value !== 'string') throw new Malformed(`${what} is missing`);
  return node.value;
}
const oidOf = (node: Node | undefined, what: string) => forge.asn1.derToOid(bytes(node, what));
/** The placeholder is padded with zero bytes after the DER: forge must not refuse them. */
function fromDerWithPadding(input: string): Node {
  const parse = forge.asn1.fromDer as unknown as (i: string, o: { parseAllBytes: boolean }) => Node;
  return parse(input, { parseAllBytes: false });
}
const der = (node: Node) => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');

function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/** All `/ByteRange [a b c d]` arrays of the file (one per signature). */
function byteRanges(text: string): [number, number, number, number][] {
  const found: [number, number, number, number][] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    found.push([Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]);
  }
  return found;
}

interface SignedAttributes {
  messageDigest: Buffer;
  signingTime: Date | null;
  /** The DER the signature covers: the attributes re-tagged as a SET (RFC 5652 §5.4). */
  signedBytes: Buffer;
}

function readSignedAttributes(node: Node): SignedAttributes {
  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  let contentType: string | null = null;
  for (const attribute of kids(node, 'signed attributes')) {
    const [type, values] = kids(attribute, 'attribute');
    const value = kids(values, 'attribute values')[0];
    const oid = oidOf(type, 'attribute type');
    if (oid === oids.messageDigest)
      messageDigest = Buffer.from(bytes(value, 'messageDigest'), 'binary');
    if (oid === oids.contentType) contentType = oidOf(value, 'contentType');
    if (oid === oids.signingTime && value) {
      const text = bytes(value, 'signingTime');
      signingTime =
        value.type === Type.UTCTIME
          ? forge.asn1.utcTimeToDate(text)
          : forge.asn1.generalizedTimeToDate(text);
    }
  }
  if (!messageDigest) throw new Malformed('the signed attributes have no messageDigest');
  if (contentType !== oids.data) throw new Malformed('the signed content type is not PKCS#7 data');
  const set = forge.asn1.create(Class.UNIVERSAL, Type.SET, true, kids(node, 'signed attributes'));
  return { messageDigest, signingTime, signedBytes: der(set) };
}

/** The certificate whose issuer and serial number the SignerInfo names. */
function findSignerCertificate(certificates: Node[], sid: Node): Buffer | null {
  const [issuer, serial] = kids(sid, 'issuerAndSerialNumber');
  if (!issuer || !serial) return null;
  const wantIssuer = der(issuer);
  const wantSerial = bytes(serial, 'serial number');
  for (const cert of certificates) {
    const tbs = kids(kids(cert, 'certificate')[0], 'TBSCertificate');
    const offset = tbs[0]?.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
    const certSerial = tbs[offset];
    const certIssuer = tbs[offset + 2];
    if (
      certSerial &&
      certIssuer &&
      bytes(certSerial, 'serial') === wantSerial &&
      der(certIssuer).equals(wantIssuer)
    ) {
      return der(cert);
    }
  }
  return null;
}

function describeSigner(certificateDer: Buffer): SignerCertificate {
  const x = new crypto.X509Certificate(certificateDer);
  return {
    der: certificateDer,
    subject: oneLine(x.subject),
    issuer: oneLine(x.issuer),
    serialNumber: x.serialNumber.toUpperCase(),
    fingerprintSha256: x.fingerprint256,
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
  };
}

export function checkPdfSignature(pdf: Buffer): SignatureCheck {
  const result: SignatureCheck = {
    byteRange: null,
    wholeDocument: false,
    digestMatches: false,
    signatureValid: false,
    signingTime: null,
    signer: null,
    problems: [],
  };
  const fail = (code: SignatureProblemCode, message: string) => {
    result.problems.push({ code, message });
    return result;
  };
  const ranges = byteRanges(pdf.toString('latin1'));
  if (ranges.length === 0) return fail('not_signed', 'the PDF carries no digital signature');
  if (ranges.length > 1) {
    return fail(
      'multiple_signatures',
      `the PDF carries ${ranges.length} signatures; Standalone signs once, so something was added after signing`,
    );
  }
  const range = ranges[0] as [number, number, number, number];
  const [start, beforeSig, afterSig, tail] = range;
  result.byteRange = range;
  const wellFormed =
    start === 0 &&
    beforeSig > 0 &&
    afterSig > beforeSig + 1 &&
    afterSig + tail <= pdf.length &&
    pdf[beforeSig] === 0x3c &&
    pdf[afterSig - 1] === 0x3e;
  if (!wellFormed)
    return fail(
      'signature_malformed',
      `the signature's ByteRange [${range.join(' ')}] does not frame a signature in this file`,
    );
  result.wholeDocument = afterSig + tail === pdf.length;
  if (!result.wholeDocument) {
    fail(
      'not_whole_document',
      `${pdf.length - afterSig - tail} bytes were added after the signed range (a change made after signing)`,
    );
  }
  const hex = pdf.subarray(beforeSig + 1, afterSig - 1).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex))
    return fail('signature_malformed', 'the signature value is not hexadecimal');
  const signed = Buffer.concat([
    pdf.subarray(0, beforeSig),
    pdf.subarray(afterSig, afterSig + tail),
  ]);
  try {
    const contentInfo = fromDerWithPadding(Buffer.from(hex, 'hex').toString('binary'));
    const [type, wrapped] = kids(contentInfo, 'ContentInfo');
    if (oidOf(type, 'content type') !== oids.signedData)
      throw new Malformed('it is not PKCS#7 SignedData');
    const fields = kids(kids(wrapped, 'SignedData')[0], 'SignedData');
    const certificates = kids(
      fields.find((n) => n.tagClass === Class.CONTEXT_SPECIFIC && n.type === 0) ??
        ({ value: [] } as unknown as Node),
      'certificates',
    );
    const signerInfos = kids(fields.at(-1), 'signer infos');
    if (signerInfos.length !== 1)
      throw new Malformed(`it has ${signerInfos.length} signers, not one`);
    const info = kids(signerInfos[0], 'SignerInfo');
    const [, sid, digestAlgorithm] = info;
    const signedAttrs = info.find((n) => n.tagClass === Class.CONTEXT_SPECIFIC && n.type === 0);
    const signatureAlgorithm = info[signedAttrs ? 4 : 3];
    const signatureValue = info[signedAttrs ? 5 : 4];
    const digestOid = oidOf(kids(digestAlgorithm, 'digest algorithm')[0], 'digest algorithm');
    if (digestOid !== oids.sha256) {
      return fail('unsupported_algorithm', `the signature uses digest ${digestOid}, not SHA-256`);
    }
    if (!signedAttrs) throw new Malformed('it has no signed attributes');
    const attrs = readSignedAttributes(signedAttrs);
    result.signingTime = attrs.signingTime?.toISOString() ?? null;
    const digest = crypto.createHash('sha256').update(signed).digest();
    result.digestMatches = digest.equals(attrs.messageDigest);
    if (!result.digestMatches) {
      fail(
        'digest_mismatch',
        'the document digest does not match the signed digest: the PDF was changed after signing',
      );
    }
    const certificateDer = sid ? findSignerCertificate(certificates, sid) : null;
    if (!certificateDer) {
      return fail(
        'signer_certificate_missing',
        'the signature does not contain the certificate of its signer',
      );
    }
    result.signer = describeSigner(certificateDer);
    const sigOid = oidOf(kids(signatureAlgorithm, 'signature algorithm')[0], 'signature algorithm');
    if (sigOid !== oids.rsaEncryption && sigOid !== oids.sha256WithRsa) {
      return fail(
        'unsupported_algorithm',
        `the signature algorithm ${sigOid} is not RSA with SHA-256`,
      );
    }
    const key = new crypto.X509Certificate(certificateDer).publicKey;
    result.signatureValid = crypto.verify(
      'sha256',
      attrs.signedBytes,
      key,
      Buffer.from(bytes(signatureValue, 'signature value'), 'binary'),
    );
    if (!result.signatureValid) {
      fail('signature_invalid', 'the signature does not verify with the signer certificate’s key');
    }
    const at = attrs.signingTime;
    if (at && (at < new Date(result.signer.notBefore) || at > new Date(result.signer.notAfter))) {
      fail(
        'certificate_not_valid_at_signing',
        `the signer certificate was not valid at the signing time ${at.toISOString()} (valid ${result.signer.notBefore} to ${result.signer.notAfter})`,
      );
    }
  } catch (error) {
    // Malformed (our own reading) or forge's ASN.1 errors: either way, not a readable signature.
    if (error instanceof Error) {
      return fail('signature_malformed', `the signature cannot be read: ${error.message}`);
    }
    throw error;
  }
  return result;
}
