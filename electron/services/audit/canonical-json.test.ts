import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText } from './canonical-json';

/** The package's text, or the refusal it gives. */
function outcome(write: (value: unknown) => string | undefined, value: unknown) {
  try {
    return { text: write(value) };
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

/** Objects whose keys already stand in canonical order, as row images are built. */
function inKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inKeyOrder);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, inKeyOrder(record[k])]),
  );
}

describe('canonical JSON', () => {
  it('writes exactly what the canonicalize package writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(outcome(canonicalText, value)).toEqual(outcome(canonicalize, value));
        const ordered = inKeyOrder(value);
        expect(outcome(canonicalText, ordered)).toEqual(outcome(canonicalize, ordered));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes or refuses as the package does for values JSON cannot carry as they are', () => {
    const awkward = fc.oneof(
      fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(NaN, Infinity, -Infinity, -0, undefined, 'a\ud800', '\udc00b'),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), awkward),
        fc.array(awkward),
        (o, a) => {
          expect(outcome(canonicalText, o)).toEqual(outcome(canonicalize, o));
          expect(outcome(canonicalText, a)).toEqual(outcome(canonicalize, a));
          const mixed = { rows: a, z: o, 10: 1, 9: [2], b: { toJSON: () => ({ y: 1, x: 2 }) } };
          expect(outcome(canonicalText, mixed)).toEqual(outcome(canonicalize, mixed));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a cycle as the package does', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(outcome(canonicalText, cyclic)).toEqual(outcome(canonicalize, cyclic));
    const deep: unknown[] = [];
    let at = deep;
    for (let i = 0; i < 100; i += 1) at = (at[0] = []) as unknown[];
    at.push(deep);
    expect(outcome(canonicalText, deep)).toEqual(outcome(canonicalize, deep));
  });

  it('writes integer-like keys in code-unit order, not in the order objects enumerate them', () => {
    expect(canonicalText({ 9: 'a', 10: 'b', a: 'c' })).toBe('{"10":"b","9":"a","a":"c"}');
    expect(canonicalText({ 2: 'a', 1: 'b' })).toBe('{"1":"b","2":"a"}');
  });
});
