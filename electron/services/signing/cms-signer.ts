import { Signer } from '@signpdf/signpdf';
import crypto from 'node:crypto';
import forge from 'node-forge';
import { derToForgeCertificate } from './certificate';
import type { UnlockedIdentity } from './session-key';

/** DER of DigestInfo { AlgorithmIdentifier sha256, NULL } up to the 32 digest bytes (RFC 8017). */
const sha256DigestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The PKCS#7 (CMS) detached signature that @signpdf places into the PDF: the same structure and
 * signed attributes as @signpdf/signer-p12 (contentType, signingTime, messageDigest, in that
 * order; SHA-256; the certificate and its chain included), built with node-forge. Two things
 * differ, both for speed in a batch: the key is the one already unlocked for the session (P12Signer
 * decrypts a PKCS#12 for every signature), and the RSA operation runs in Node's OpenSSL instead
 * of forge's JavaScript big-number code.
 */
export class OrganisationSigner extends Signer {
  private readonly certificates: forge.pki.Certificate[];
  private readonly signerCertificate: forge.pki.Certificate;

  constructor(private readonly identity: UnlockedIdentity) {
    super();
    this.signerCertificate = derToForgeCertificate(identity.certificateDer);
    // forge reads only RSA certificates; an issuing CA with another key type is left out of the
    // signature (a reader that trusts the hospital's CA has its certificates already).
    const chain = identity.chainDer.flatMap((der) => {
      try {
        return [derToForgeCertificate(der)];
      } catch {
        return [];
      }
    });
    this.certificates = [this.signerCertificate, ...chain];
  }

  /** An upper bound of the DER signature's size, for the placeholder in the PDF. */
  maxSignatureBytes(): number {
    const certs =
      this.identity.certificateDer.length +
      this.identity.chainDer.reduce((n, c) => n + c.length, 0);
    const modulusBytes = (this.identity.privateKey.asymmetricKeyDetails?.modulusLength ?? 4096) / 8;
    return certs + modulusBytes + 1024;
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const cert of this.certificates) p7.addCertificate(cert);
    const privateKey = this.identity.privateKey;
    // forge calls key.sign(md) with the SHA-256 of the signed attributes; PKCS#1 v1.5 is the
    // RSA private operation on DigestInfo(sha256, digest).
    const key = {
      sign(md: forge.md.MessageDigest): string {
        const digest = Buffer.from(md.digest().getBytes(), 'binary');
        const digestInfo = Buffer.concat([sha256DigestInfoPrefix, digest]);
        return crypto
          .privateEncrypt(
            { key: privateKey, padding: crypto.constants.RSA_PKCS1_PADDING },
            digestInfo,
          )
          .toString('binary');
      },
    };
    p7.addSigner({
      key: key as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.signerCertificate,
      digestAlgorithm: forge.pki.oids.sha256 ?? '2.16.840.1.101.3.4.2.1',
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType ?? '', value: forge.pki.oids.data },
        // forge encodes a Date here as UTCTime; its types only admit strings.
        {
          type: forge.pki.oids.signingTime ?? '',
          value: (signingTime ?? new Date()) as unknown as string,
        },
        { type: forge.pki.oids.messageDigest ?? '' },
      ],
    });
    p7.sign({ detached: true });
    const asn1 = p7.toAsn1();
    useOriginalIssuer(asn1, this.identity.certificateDer);
    return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  }
}

type Node = forge.asn1.Asn1;
const children = (node: Node | undefined): Node[] =>
  Array.isArray(node?.value) ? (node.value as Node[]) : [];

/**
 * forge rebuilds the signer's issuer name from parsed attributes and encodes UTF8String values
 * twice ("Zürich" becomes "ZÃ¼rich"), so no verifier finds the signer's certificate. The
 * issuerAndSerialNumber is not covered by the signature, so it is replaced, after signing, by
 * the issuer exactly as the certificate has it.
 */
function useOriginalIssuer(contentInfo: Node, certificateDer: Buffer): void {
  const tbs = children(forge.asn1.fromDer(certificateDer.toString('binary')))[0];
  const tbsFields = children(tbs);
  // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, …
  const offset = tbsFields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const issuer = tbsFields[offset + 2];
  const signedData = children(children(contentInfo)[1])[0];
  const signerInfos = children(signedData).at(-1);
  const sid = children(children(signerInfos)[0])[1];
  const sidFields = children(sid);
  if (!issuer || sidFields.length !== 2) {
    throw new Error('Unexpected PKCS#7 structure: the signer’s issuer cannot be set');
  }
  sidFields[0] = issuer;
}
