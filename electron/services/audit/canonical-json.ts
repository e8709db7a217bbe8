import canonicalize from 'canonicalize';

/**
 * RFC 8785 canonical JSON, fast for the sizes the chain meets (one inventory import carries
 * 100,000 row images in its event). For plain JSON data whose object keys already stand in
 * canonical order, RFC 8785's text is exactly JSON.stringify's: strings and numbers are written
 * as ECMAScript writes them. One walk checks that; anything else (unsorted or integer-like keys,
 * `toJSON`, undefined members, lone surrogates, non-finite numbers, cycles) goes to the
 * `canonicalize` package, which also words the refusals. A property test holds the two equal.
 */
export function canonicalText(value: unknown, depth = 0): string | undefined {
  if (isPlainCanonical(value, depth)) return JSON.stringify(value);
  if (depth > maxDepth || !isPlainContainer(value)) return canonicalize(value);
  // A plain array or object with something to put in order inside: written here member by
  // member as the package writes it, so a large part already in order still goes the fast way.
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) =>
      item === undefined || typeof item === 'symbol' ? 'null' : canonicalText(item, depth + 1),
    );
    return `[${items.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined || typeof member === 'symbol') continue;
    members.push(`${canonicalize(key)}:${canonicalText(member, depth + 1)}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * The canonical text of `{ ...record, [name]: value }` before the value and after it: with the
 * canonical text of `value` between them, exactly what canonicalText writes for that object. An
 * event's payload takes its bound rows this way, written as text row by row rather than held as
 * objects until the whole payload is written.
 */
export function canonicalTextAround(
  record: Record<string, unknown>,
  name: string,
): [before: string, after: string] {
  const before: string[] = [];
  const after: string[] = [];
  const nameText = canonicalize(name) ?? '';
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (key === name || member === undefined || typeof member === 'symbol') continue;
    (key < name ? before : after).push(`${canonicalize(key)}:${canonicalText(member, 1)}`);
  }
  return [
    `{${before.map((m) => `${m},`).join('')}${nameText}:`,
    `${after.map((m) => `,${m}`).join('')}}`,
  ];
}

function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !('toJSON' in value);
}

/** Deeper than this the package's cycle check decides. */
const maxDepth = 64;

/** A high surrogate without its low one after it, or a low one without its high one before it. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function wellFormed(text: string): boolean {
  return !loneSurrogate.test(text);
}

function isPlainCanonical(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
      return wellFormed(value);
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth > maxDepth) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      if (!(i in value) || !isPlainCanonical(value[i], depth + 1)) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  if ('toJSON' in value) return false;
  const record = value as Record<string, unknown>;
  // Keys checked in the order they are enumerated, which is the order JSON.stringify writes them
  // (integer-like keys first): only when that order is the canonical one is its text canonical.
  let previous: string | null = null;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) return false;
    if (previous !== null && !(previous < key)) return false;
    if (!wellFormed(key)) return false;
    if (!isPlainCanonical(record[key], depth + 1)) return false;
    previous = key;
  }
  return true;
}
