/**
 * The whole API surface against arbitrary input: for every method in `api`, fast-check's values
 * (any JSON, structured-clone values IPC can carry, and objects with the method's own keys
 * holding hostile values) never make the dispatcher throw or answer `internal`; every answer is
 * a Result with a known error code and a message.
 */
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, type MethodName } from '../../../api/methods';
import { roles, type Role } from '../../../api/permissions';
import { errorCodes } from '../../../api/result';
import { verifyAuditChain } from '../../audit/verify';
import { signInAs, startTestRuntime, tempDir, type TestRuntime } from '../temp-runtime';
import { sampleDevice } from '../sample-inputs';
import { nastyFileNames, nastyStrings } from './corpus';
import { tableHash } from './table-hash';
import { reportGenerated, soakRuns, soakTimeout } from '../soak';

/** Per method: short in `npm test`, long in `npm run test:soak` (test/soak.ts). */
const runsPerMethod = soakRuns(40, 600);
/** Methods whose valid calls cost real time (password hashing, key generation): fewer runs. */
const slowMethods = new Set<string>([
  // Hashes the six demo PINs before it finds the database is not empty.
  'demo.load',
  'demo.walkthrough',
  'people.create',
  'people.resetCredential',
  'session.signIn',
  'session.handOver',
  'session.unlock',
  'session.changeCredential',
  'signing.generate',
  'signing.importP12',
  'signing.unlock',
  'signoffs.sign',
  'people.createFirstAdmin',
]);

let rt: TestRuntime;
let sandbox: { dir: string; cleanup(): void };
let tried = 0;

beforeAll(async () => {
  rt = startTestRuntime();
  sandbox = tempDir('standalone-fuzz-paths-');
  await rt.client().value('demo.load', {});
}, 300_000);
afterAll(() => {
  reportGenerated(`API fuzz (${Object.keys(api).length} methods)`, tried);
  rt.cleanup();
  sandbox.cleanup();
});

/** The k-th ordering of every role: a fresh user each time (earlier ones may have been changed). */
let signIns = 0;
function rolesInOrder(k: number): Role[] {
  const rest = [...roles];
  const out: Role[] = [];
  for (let n = k; rest.length > 0; n = Math.floor(n / (rest.length + 1))) {
    out.push(...rest.splice(n % rest.length, 1));
  }
  return out;
}

/** Someone holding every role is signed in, so calls get past the permission check to parsing. */
async function ensureSignedIn(): Promise<void> {
  const s = rt.services.sessions.current;
  if (s && !s.lockedAt) return;
  for (;;) {
    if (signIns > 5000) throw new Error('no user could be signed in');
    try {
      await signInAs(rt, rolesInOrder(signIns++));
      return;
    } catch {
      // That user was deactivated or changed by an earlier call: the next ordering is a new user.
    }
  }
}

/** The top-level keys of a method's input, when it is an object (most are). */
function keysOf(method: MethodName): string[] {
  const schema = z.toJSONSchema(api[method].input, { unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(schema.properties ?? {});
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    ...nastyStrings,
    ...nastyFileNames,
    // 1e309 in JSON text parses to Infinity.
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    2 ** 64,
    -0,
    Number.NaN,
    0.1 + 0.2,
  ),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(fc.constantFrom<unknown>(...nastyStrings), { maxLength: 5 }),
);

/** Paths go into the sandbox: an absolute path the fuzz makes up must not create folders in /. */
function confinePaths(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const key of ['folder', 'file', 'path', 'out']) {
    const v = out[key];
    if (typeof v === 'string' && path.isAbsolute(v) && !v.includes('\0'))
      out[key] = path.join(sandbox.dir, v);
  }
  return out;
}

function inputs(method: MethodName): fc.Arbitrary<unknown> {
  const keys = keysOf(method);
  const own =
    keys.length === 0
      ? fc.constant({})
      : fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] });
  return fc
    .oneof(
      { weight: 3, arbitrary: own },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
      {
        weight: 1,
        arbitrary: fc.anything({
          maxDepth: 3,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withNullPrototype: true,
          withSparseArray: true,
        }),
      },
    )
    .map(confinePaths);
}

const methods = (Object.keys(api) as MethodName[]).sort();

describe('every API method against arbitrary input', () => {
  it.each(methods)(
    '%s answers a Result, never a throw or `internal`',
    async (method) => {
      await fc.assert(
        fc.asyncProperty(inputs(method), async (input) => {
          await ensureSignedIn();
          tried++;
          // Raw on purpose: arbitrary input, which the typed client would not let through.
          const result = await rt.dispatch(method, input);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            expect(errorCodes).toContain(result.error.code);
            expect(result.error.code, result.error.message).not.toBe('internal');
            expect(typeof result.error.message).toBe('string');
            expect(result.error.message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: slowMethods.has(method) ? soakRuns(8, 40) : runsPerMethod },
      );
    },
    soakTimeout(600_000),
  );

  it('an unknown method, or a method name that is not a string, is refused with a message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
        ),
        fc.jsonValue(),
        async (name, input) => {
          tried++;
          fc.pre(!(name in api) || !Object.prototype.hasOwnProperty.call(api, name));
          // Raw on purpose: names that are not methods, which the typed client would not send.
          const result = await rt.dispatch(name, input);
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
        },
      ),
      { numRuns: soakRuns(200, 5000) },
    );
  });

  it('valid inputs carrying hostile strings are stored as given, or refused with nothing written', async () => {
    const strings = [
      ...nastyStrings,
      'x\uD800y',
      '\uDC00 low half alone',
      '\uD83D\uDE00 a whole pair',
    ];
    for (const [i, s] of strings.entries()) {
      await ensureSignedIn();
      tried++;
      const before = tableHash(rt.services.db);
      const input = sampleDevice(`HOSTILE-STRING-${i}`, {
        vendor: s.slice(0, 200),
        notes: s.slice(0, 4000),
      });
      const result = await rt.client().call('devices.create', input);
      if (!result.ok) {
        expect(result.error.code, result.error.message).toBe('invalid_input');
        expect(tableHash(rt.services.db)).toBe(before);
        continue;
      }
      const stored = rt.services.db
        .prepare('SELECT vendor FROM devices WHERE asset_tag = ?')
        .pluck()
        .get(input.assetTag);
      expect(stored).toBe(s.slice(0, 200).trim() || null);
    }
    // A lone surrogate is the one refused, naming the field.
    const lone = await rt
      .client()
      .call('devices.create', sampleDevice('LONE', { vendor: 'x\uD800y' }));
    expect(lone).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(lone.ok ? '' : lone.error.message).toContain('vendor');
  });

  it('after all of it, the database is whole and its audit chain intact', () => {
    const check = rt.services.db.pragma('integrity_check', { simple: true });
    expect(check).toBe('ok');
    expect(verifyAuditChain(rt.services.db).ok).toBe(true);
  });
});
