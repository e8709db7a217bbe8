import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';

/**
 * The organisation's private key at rest: PKCS#8 DER encrypted with AES-256-GCM under a key
 * derived from the administrator's passphrase with scrypt (N = 2^17, r = 8, p = 1: OWASP's
 * recommended minimum, ~128 MiB and a fraction of a second per unlock, so guessing is slow).
 * The parameters are stored with each envelope so that they can be raised later without a
 * migration. The certificate's fingerprint is bound as associated data, so an envelope copied
 * onto another identity's row does not open.
 */
export const scryptParameters = { N: 2 ** 17, r: 8, p: 1 } as const;

const envelopeSchema = z
  .object({
    format: z.literal('standalone-key/1'),
    kdf: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().max(128),
    cipher: z.literal('aes-256-gcm'),
    iv: z.string().max(64),
    tag: z.string().max(64),
    ciphertext: z.string().max(64_000),
  })
  .strict();

type Envelope = z.infer<typeof envelopeSchema>;

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** Asynchronous (libuv's thread pool): a fraction of a second that must not stall other calls. */
function deriveKey(
  passphrase: string,
  salt: Buffer,
  p: Pick<Envelope, 'N' | 'r' | 'p'>,
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow twice that so Node does not refuse the parameters.
  const maxmem = 256 * p.N * p.r;
  return scrypt(passphrase.normalize('NFC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem });
}

export async function encryptPrivateKey(
  pkcs8Der: Buffer,
  passphrase: string,
  bindTo: string,
): Promise<string> {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const key = await deriveKey(passphrase, salt, scryptParameters);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(bindTo, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
  const envelope: Envelope = {
    format: 'standalone-key/1',
    kdf: 'scrypt',
    ...scryptParameters,
    salt: salt.toString('base64'),
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
  return JSON.stringify(envelope);
}

/** The PKCS#8 DER, or null when the passphrase is wrong (or the envelope was tampered with). */
export async function decryptPrivateKey(
  stored: string,
  passphrase: string,
  bindTo: string,
): Promise<Buffer | null> {
  const envelope = envelopeSchema.parse(JSON.parse(stored));
  const key = await deriveKey(passphrase, Buffer.from(envelope.salt, 'base64'), envelope);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
  decipher.setAAD(Buffer.from(bindTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(envelope.ciphertext, 'base64')),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
}
