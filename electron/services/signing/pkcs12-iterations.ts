import forge from 'node-forge';
import { type ServiceError, wordedError } from '../core/errors';

/**
 * The most key-derivation iterations a PKCS#12 file may ask for. Real files use 2,048 to a few
 * hundred thousand; a file asking for billions would hold the services process for hours.
 */
export const maxPkcs12Iterations = 10_000_000;

const { Type } = forge.asn1;

function integerValue(node: forge.asn1.Asn1): number {
  const bytes = typeof node.value === 'string' ? node.value : '';
  // Longer than 6 bytes is beyond any cap; keep it from losing precision.
  if (bytes.length > 6) return Number.MAX_SAFE_INTEGER;
  let n = 0;
  for (const ch of bytes) n = n * 256 + ch.charCodeAt(0);
  return n;
}

function tryDer(bytes: string): forge.asn1.Asn1 | undefined {
  try {
    // forge's typings know only the boolean form; the options keep a wrong guess from passing.
    const fromDer = forge.asn1.fromDer as unknown as (
      bytes: string,
      options: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean },
    ) => forge.asn1.Asn1;
    return fromDer(bytes, { strict: true, parseAllBytes: true, decodeBitStrings: false });
  } catch {
    return undefined;
  }
}

/**
 * Every iteration count in the file's visible structure: the MAC's (MacData: digest, salt,
 * iterations), and each password-based encryption's (PKCS#12 PBE and PBKDF2 parameters: a salt
 * OCTET STRING followed by the iteration INTEGER). Contents wrapped in OCTET STRINGs (the
 * authenticated safe and its SafeContents) are opened too.
 */
export function iterationCounts(root: forge.asn1.Asn1): number[] {
  const counts: number[] = [];
  const visit = (node: forge.asn1.Asn1, depth: number) => {
    if (depth > 32) return;
    if (Array.isArray(node.value)) {
      const kids = node.value;
      kids.forEach((kid, i) => {
        const previous = kids[i - 1];
        if (
          node.type === Type.SEQUENCE &&
          kid.tagClass === forge.asn1.Class.UNIVERSAL &&
          kid.type === Type.INTEGER &&
          previous?.type === Type.OCTETSTRING
        ) {
          counts.push(integerValue(kid));
        }
        visit(kid, depth + 1);
      });
    } else if (node.type === Type.OCTETSTRING && typeof node.value === 'string') {
      const inner = tryDer(node.value);
      if (inner) visit(inner, depth + 1);
    }
  };
  visit(root, 0);
  return counts;
}

function tooMany(count: number): ServiceError {
  return wordedError(
    'invalid_input',
    'pkcs12TooManyIterations',
    {
      count: count > 1e15 ? '> 10^15' : count.toLocaleString('en'),
      max: maxPkcs12Iterations.toLocaleString('en'),
    },
    { iterations: count, maxIterations: maxPkcs12Iterations },
  );
}

/** Refuse a file asking for more iterations than the cap, before any key is derived. */
export function assertSaneIterations(root: forge.asn1.Asn1): void {
  const worst = Math.max(0, ...iterationCounts(root));
  if (worst > maxPkcs12Iterations) throw tooMany(worst);
}

/**
 * Run forge's PKCS#12 parse with the key derivations capped: a count hidden inside encrypted
 * contents (not visible to `assertSaneIterations`) is refused when forge reaches it.
 */
export function withCappedDerivation<T>(parse: () => T): T {
  const pkcs5 = forge.pkcs5 as { pbkdf2: (...args: unknown[]) => unknown };
  const pbe = (forge.pki as unknown as { pbe: { generatePkcs12Key: (...a: unknown[]) => unknown } })
    .pbe;
  const p12 = forge.pkcs12 as unknown as { generateKey: (...a: unknown[]) => unknown };
  const saved = { pbkdf2: pkcs5.pbkdf2, pbeKey: pbe.generatePkcs12Key, p12Key: p12.generateKey };
  const check = (count: unknown) => {
    if (typeof count === 'number' && count > maxPkcs12Iterations) throw tooMany(count);
  };
  pkcs5.pbkdf2 = (...args) => (check(args[2]), saved.pbkdf2(...args));
  pbe.generatePkcs12Key = (...args) => (check(args[3]), saved.pbeKey(...args));
  p12.generateKey = (...args) => (check(args[3]), saved.p12Key(...args));
  try {
    return parse();
  } finally {
    pkcs5.pbkdf2 = saved.pbkdf2;
    pbe.generatePkcs12Key = saved.pbeKey;
    p12.generateKey = saved.p12Key;
  }
}
