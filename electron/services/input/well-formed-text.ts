export interface MalformedText {
  path: (string | number)[];
  /** Where, as one readable string (`devices[3].vendor`). */
  at: string;
  /** The position of the first lone surrogate in the string (or in the key). */
  index: number;
  inKey: boolean;
}

// Code units, not code points (no `u` flag): a high surrogate without a low one after it, or a
// low one without a high one before it.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const firstLoneSurrogate = (text: string): number => text.search(loneSurrogate);

/** A place in the input, linked to its parent so that a path is built only when one is needed. */
interface Place {
  value: unknown;
  key: string | number | null;
  parent: Place | null;
}

function pathOf(place: Place): (string | number)[] {
  const path: (string | number)[] = [];
  for (let p: Place | null = place; p && p.key !== null; p = p.parent) path.unshift(p.key);
  return path;
}

function describe(path: (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(input)';
}

/**
 * The first string (or object key) in a call's input that is not well-formed Unicode: a lone
 * surrogate, which JSON ("\ud800") and IPC can carry but which cannot be stored, hashed into the
 * audit chain (RFC 8785 refuses it) or shown. Walks without recursion and visits each object
 * once, so deep nesting or a cyclic structured clone cannot overflow the stack.
 */
export function findMalformedText(input: unknown): MalformedText | null {
  const seen = new Set<object>();
  const stack: Place[] = [{ value: input, key: null, parent: null }];
  const found = (place: Place, index: number, inKey: boolean): MalformedText => {
    const path = pathOf(place);
    return { path, at: describe(path), index, inKey };
  };
  while (stack.length > 0) {
    const place = stack.pop() as Place;
    const { value } = place;
    if (typeof value === 'string') {
      const index = firstLoneSurrogate(value);
      if (index >= 0) return found(place, index, false);
      continue;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i] as unknown, key: i, parent: place });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const child: Place = { value: (value as Record<string, unknown>)[key], key, parent: place };
      const index = firstLoneSurrogate(key);
      if (index >= 0) return found(child, index, true);
      stack.push(child);
    }
  }
  return null;
}
