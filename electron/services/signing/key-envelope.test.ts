import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptPrivateKey, encryptPrivateKey } from './key-envelope';

describe('the encrypted key envelope', () => {
  const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  const passphrase = 'Passphrase with Ünïcode';
  let stored: string;
  beforeAll(async () => {
    stored = await encryptPrivateKey(pkcs8, passphrase, 'AA:BB');
  });

  it('opens with the passphrase (in either Unicode normal form) and nothing else', async () => {
    expect((await decryptPrivateKey(stored, passphrase, 'AA:BB'))?.equals(pkcs8)).toBe(true);
    const nfd = await decryptPrivateKey(stored, passphrase.normalize('NFD'), 'AA:BB');
    expect(nfd?.equals(pkcs8)).toBe(true);
    expect(await decryptPrivateKey(stored, 'Passphrase with Unicode', 'AA:BB')).toBeNull();
  });

  it('does not open on another identity’s row, nor when the ciphertext was altered', async () => {
    expect(await decryptPrivateKey(stored, passphrase, 'AA:BC')).toBeNull();
    const envelope = JSON.parse(stored) as { ciphertext: string };
    const altered = Buffer.from(envelope.ciphertext, 'base64');
    altered[10] = (altered[10] ?? 0) ^ 1;
    const tampered = JSON.stringify({ ...envelope, ciphertext: altered.toString('base64') });
    expect(await decryptPrivateKey(tampered, passphrase, 'AA:BB')).toBeNull();
  });

  it('uses a fresh salt and IV each time', async () => {
    const again = JSON.parse(await encryptPrivateKey(pkcs8, passphrase, 'AA:BB')) as Record<
      string,
      string
    >;
    const first = JSON.parse(stored) as Record<string, string>;
    expect(again.salt).not.toBe(first.salt);
    expect(again.iv).not.toBe(first.iv);
  });
});
