import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../core/errors';
import { repoRoot } from '../test/temp-runtime';
import { loadCommonPins } from './common-pins';
import { checkNewSecret as checkWithList, credentialKindOf } from './credential-policy';
import { currentScryptParams, hashSecret, parseHash, verifySecret } from './credentials';

const commonPins = loadCommonPins(path.join(repoRoot, 'resources'));
const checkNewSecret = (secret: string) => checkWithList(secret, commonPins);

/** Older, cheaper parameters, as an earlier release might have stored. */
const olderParams = { N: 2 ** 12, r: 8, p: 1 };

function policyError(secret: string): ServiceError {
  try {
    checkNewSecret(secret);
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error(`"${secret}" was accepted`);
}

describe('credential hashing', () => {
  it('stores scrypt with its parameters, a per-user salt and the derived key', async () => {
    const stored = await hashSecret('482915');
    const { N, r, p } = currentScryptParams;
    expect(stored).toMatch(
      new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=$`),
    );
    expect(stored).not.toContain('482915');
    const again = await hashSecret('482915');
    expect(again).not.toBe(stored);
    expect(parseHash(again)?.salt.equals(parseHash(stored)?.salt ?? Buffer.alloc(0))).toBe(false);
  });

  it('verifies the right secret and refuses a wrong one', async () => {
    const stored = await hashSecret('correct horse battery');
    expect(await verifySecret('correct horse battery', stored)).toEqual({
      ok: true,
      needsUpgrade: false,
    });
    expect((await verifySecret('correct horse batterY', stored)).ok).toBe(false);
    expect((await verifySecret('', stored)).ok).toBe(false);
  });

  it('verifies a hash made with older parameters and says it needs upgrading', async () => {
    const old = await hashSecret('482915', olderParams);
    expect(old.startsWith(`scrypt$${2 ** 12}$8$1$`)).toBe(true);
    expect(await verifySecret('482915', old)).toEqual({ ok: true, needsUpgrade: true });
    expect(await verifySecret('482916', old)).toEqual({ ok: false, needsUpgrade: true });
  });

  it('treats composed and decomposed forms of the same password alike (NFC)', async () => {
    const composed = 'Zoë-Brändli-2026';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const stored = await hashSecret(composed);
    expect((await verifySecret(decomposed, stored)).ok).toBe(true);
  });

  it('never verifies an unreadable or out-of-bounds stored hash', async () => {
    const good = await hashSecret('482915');
    const parts = good.split('$');
    const variants = [
      '',
      'plain-text-pin',
      good.replace(/^scrypt/, 'bcrypt'),
      [...parts.slice(0, 1), String(2 ** 30), ...parts.slice(2)].join('$'), // would stall the app
      [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'), // not a power of two
      [...parts.slice(0, 4), '', parts[5]].join('$'), // no salt
    ];
    for (const stored of variants) {
      expect(await verifySecret('482915', stored), stored).toEqual({
        ok: false,
        needsUpgrade: false,
      });
    }
  });
});

describe('the rules for a new PIN or password', () => {
  it('takes all digits as a PIN and anything else as a password', () => {
    expect(credentialKindOf('482915')).toBe('pin');
    expect(credentialKindOf('48291x')).toBe('password');
    expect(checkNewSecret('482915')).toBe('pin');
    expect(checkNewSecret('0123456789123')).toBe('pin');
    expect(checkNewSecret('Łódź tram 42')).toBe('password');
  });

  it('wants at least 6 digits for a PIN and 10 characters for a password', () => {
    expect(policyError('48291').message).toMatch(/PIN needs 6 to 32 digits; this one has 5/);
    expect(policyError('9'.repeat(33)).message).toMatch(/32 digits/);
    expect(policyError('short pw!').message).toMatch(/at least 10 characters; this one has 9/);
    // Characters, not bytes or UTF-16 units: nine emoji are nine characters.
    expect(policyError('🔒'.repeat(9)).message).toMatch(/this one has 9/);
    expect(policyError(' '.repeat(12)).message).toMatch(/password/);
  });

  it('refuses the PINs guessed first', () => {
    for (const pin of ['000000', '111111', '123456', '654321', '3456789']) {
      expect(policyError(pin).message, pin).toMatch(/guessed first/);
    }
    expect(checkNewSecret('135790')).toBe('pin');
  });

  it.each([
    ['123123', /repeats a short block/],
    ['121212', /repeats a short block/],
    ['12341234', /repeats a short block/],
    ['112233', /most common PINs/],
    ['159753', /most common PINs/],
    ['11223344', /most common PINs/],
    ['241275', /is a date/],
    ['122575', /is a date/],
    ['751224', /is a date/],
    ['19750324', /is a date/],
    ['24031975', /is a date/],
    ['03241975', /is a date/],
  ])('refuses the common PIN %s', (pin, reason) => {
    const error = policyError(pin);
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(/guessed first/);
  });

  it('accepts PINs that are none of these, the README demo PINs among them', () => {
    for (const pin of ['482915', '246810', '135790', '864209', '975310', '271828', '40718253']) {
      expect(checkNewSecret(pin), pin).toBe('pin');
    }
    // 112358 reads as 23 November 1958: the policy refuses it for a new PIN; the demo loader
    // stores its accounts' PINs without the policy, so the README demo still signs in.
    expect(policyError('112358').message).toMatch(/is a date/);
  });
});
