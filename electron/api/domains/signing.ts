import { z } from 'zod';
import { method } from '../define';
import { empty } from '../schemas';

/** What the app shows and stores about a certificate. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /**
   * SHA-256 of the certificate (DER), upper-case hex with colons, as `openssl x509 -fingerprint
   * -sha256` prints it: the value printed on PDFs.
   */
  fingerprintSha256: string;
  keyAlgorithm: string;
  selfSigned: boolean;
}

/** The organisation's signing identity as the app shows it (never the key). */
export interface SigningIdentityView extends CertificateFacts {
  source: 'generated' | 'imported';
  createdAt: string;
  /** The demo facility's identity: its PDFs say "not for real records" on every page. */
  demo: boolean;
}

/** In the demo identity's certificate subject and on every page it signs. */
export const demoSigningMarker = 'DEMO -- not for real records';

/** Published in the README beside the demo PINs: the demo identity is for training only. */
export const demoSigningPassphrase = 'demo-signing-only';

/** Whether a certificate subject is the demo identity's. */
export const isDemoSubject = (subject: string): boolean => subject.includes(demoSigningMarker);

export interface SigningStatus {
  configured: boolean;
  /** Whether the key is unlocked for this session (PDFs can be signed). */
  unlocked: boolean;
  identity: SigningIdentityView | null;
  /** Earlier identities whose certificates are kept so that the PDFs they signed still verify. */
  previousIdentities: number;
  /** E.g. the certificate expires soon or has expired. */
  warnings: string[];
}

export interface CertificateExport {
  format: 'pem' | 'der';
  /** A suggested file name, e.g. `standalone-signing-3A5F9C01.pem`. */
  fileName: string;
  mediaType: string;
  /** PEM text, or the DER bytes in base64. */
  content: string;
  fingerprintSha256: string;
}

/** At least 12 characters: it is the only thing between a stolen database and a forged PDF. */
export const signingPassphrase = z
  .string()
  .min(12, 'The passphrase must have at least 12 characters.')
  .max(1024);

/** A PKCS#12 file of at most 64 KiB, in base64 (4 characters per 3 bytes). */
const pkcs12Base64 = z
  .string()
  .trim()
  .min(1)
  .max(88_000)
  .regex(/^[A-Za-z0-9+/\s]+={0,2}$/, 'Must be the PKCS#12 file in base64.');

export const signingMethods = {
  'signing.status': method<SigningStatus>()(
    empty,
    'Whether a signing identity is set up and unlocked, and its certificate’s subject, issuer, validity and SHA-256 fingerprint.',
  ),
  'signing.generate': method<SigningIdentityView>()(
    z
      .object({
        // X.520 limits a common name to 64 characters.
        organisation: z.string().trim().min(1).max(64),
        passphrase: signingPassphrase,
      })
      .strict(),
    'Generate a self-signed RSA 2048 certificate and key for the organisation; the key is stored encrypted with the passphrase. A previous identity is retired (its certificate kept for verification).',
  ),
  'signing.importP12': method<SigningIdentityView>()(
    z
      .object({
        contentBase64: pkcs12Base64,
        p12Password: z.string().max(1024),
        newPassphrase: signingPassphrase,
      })
      .strict(),
    'Import a PKCS#12 file (key and certificate) from the hospital’s PKI; its key is stored encrypted with the new passphrase.',
  ),
  'signing.exportCertificate': method<CertificateExport>()(
    z.object({ format: z.enum(['pem', 'der']) }).strict(),
    'The current signing certificate as PEM text or DER (base64), for IT to trust in PDF readers.',
  ),
  'signing.unlock': method<SigningStatus>()(
    z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
    'Unlock the signing key for this session with its passphrase.',
  ),
  'signing.lock': method<SigningStatus>()(
    empty,
    'Forget the unlocked signing key; the passphrase is needed again to sign.',
  ),
};
