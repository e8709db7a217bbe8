import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelisation. */
  p: number;
}

/**
 * N = 2^15, r = 8, p = 1: 32 MiB and about 120–150 ms per verification on this project's build
 * machine (bench/people.bench.ts) — slow for someone guessing offline from a stolen database,
 * quick for a person at the station. Raise N here when machines get faster: stored hashes carry
 * their own parameters, still verify, and are re-hashed with these at the next sign-in.
 */
export const currentScryptParams: Readonly<ScryptParams> = { N: 2 ** 15, r: 8, p: 1 };

const saltBytes = 16;
const keyBytes = 32;
/** Refuse parameters outside these bounds in a stored hash: an edited row must not stall the app. */
const bounds = { N: [2 ** 10, 2 ** 20], r: [1, 32], p: [1, 16] } as const;

function derive(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; Node's default limit (32 MiB) is exactly that at N = 2^15.
    const maxmem = 256 * params.N * params.r + 1024 * 1024;
    // NFC: the same password typed on two keyboards may arrive composed or decomposed.
    scrypt(secret.normalize('NFC'), salt, keyBytes, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A new hash of `secret` with a fresh salt: `scrypt$N$r$p$salt$key` (salt and key base64). */
export async function hashSecret(
  secret: string,
  params: Readonly<ScryptParams> = currentScryptParams,
): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await derive(secret, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

const inBounds = (value: number, [low, high]: readonly [number, number]) =>
  Number.isInteger(value) && value >= low && value <= high;

export function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (!inBounds(N, bounds.N) || (N & (N - 1)) !== 0) return null;
  if (!inBounds(r, bounds.r) || !inBounds(p, bounds.p)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { params: { N, r, p }, salt, key };
}

export interface Verification {
  ok: boolean;
  /** The hash was made with other parameters than the current ones: re-hash it now. */
  needsUpgrade: boolean;
}

/** Compare in constant time; an unreadable stored hash never verifies. */
export async function verifySecret(secret: string, stored: string): Promise<Verification> {
  const parsed = parseHash(stored);
  if (!parsed) return { ok: false, needsUpgrade: false };
  const key = await derive(secret, parsed.salt, parsed.params);
  const ok = key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  const { N, r, p } = parsed.params;
  const current = currentScryptParams;
  return { ok, needsUpgrade: N !== current.N || r !== current.r || p !== current.p };
}

let dummy: Promise<string> | undefined;

/**
 * Spend the time of one verification for a user who does not exist, so that how long a failed
 * sign-in takes does not tell whether the name or staff ID was right.
 */
export async function verifyNobody(secret: string): Promise<void> {
  dummy ??= hashSecret(randomBytes(16).toString('hex'));
  await verifySecret(secret, await dummy);
}
