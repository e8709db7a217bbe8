/**
 * Model names as comparable tokens. "Discovery NM750b" and "Discovery NM 750b" are the same
 * model, "Discovery XR656+" and "Discovery XR656 Plus" too; "LOGIQ E10" and "LOGIQ 7" only share
 * the product line.
 */

/** Lower case; runs of letters and of digits; "+" read as "plus". */
export function tokenize(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\+/g, ' plus ')
      .match(/[a-z]+|\d+/g) ?? []
  );
}

/** Words that say nothing about which model it is. */
const noise = new Set([
  'the',
  'and',
  'of',
  'for',
  'with',
  'incl',
  'including',
  'series',
  'family',
  'system',
  'systems',
  'product',
  'products',
  'model',
  'models',
  'all',
  'versions',
  'version',
  'based',
]);

/** Words too generic to identify a product line on their own. */
const generic = new Set([
  ...noise,
  'software',
  'control',
  'operating',
  'device',
  'devices',
  'monitor',
  'monitors',
  'station',
  'server',
  'unit',
  'workstation',
  'portal',
  'patient',
  'medical',
  'imaging',
  'ultrasound',
  'application',
  'app',
  'android',
  'ios',
  'windows',
  'linux',
  'pc',
  'ct',
  'mr',
  'mri',
  'nm',
  'pet',
  'spect',
]);

export function significantTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !noise.has(t));
}

/** Drop a leading vendor name ("Siemens PET/CT Systems" → "PET/CT Systems"). */
export function withoutVendorTokens(tokens: string[], vendorNames: readonly string[][]): string[] {
  let best = 0;
  for (const name of vendorNames) {
    if (
      name.length > best &&
      name.length < tokens.length &&
      name.every((t, i) => tokens[i] === t)
    ) {
      best = name.length;
    }
  }
  return best ? tokens.slice(best) : tokens;
}

/** A trailing version in a name ("IntelliSpace Portal 8.0.x", "Xeleris 1.0"). */
const trailingVersion = /\s+v?(\d+(?:\.(?:\d+|x))+|\d+\.x)\s*$/i;

export function splitTrailingVersion(name: string): { base: string; version: string | null } {
  const m = trailingVersion.exec(name);
  if (!m?.[1]) return { base: name, version: null };
  return { base: name.slice(0, m.index).trim(), version: m[1] };
}

/** How a device's model relates to a product's model, from strongest to weakest. */
export type ModelRelation =
  | 'exact'
  | 'same-distinctive-words'
  | 'device-more-specific'
  | 'product-more-specific'
  | 'product-line';

/** Orders evidence; a model the family table lists (6) and a family field (3) sit among these. */
export const relationRank: Record<ModelRelation, number> = {
  exact: 5,
  'same-distinctive-words': 4,
  'device-more-specific': 3,
  'product-more-specific': 2,
  'product-line': 1,
};

/** A token list prepared once for many comparisons (matching compares each model with many products). */
export interface TokenInfo {
  tokens: readonly string[];
  set: ReadonlySet<string>;
  /** Tokens neither noise nor generic, as a set. */
  distinctive: ReadonlySet<string>;
  compact: string;
  /** The first distinctive word of three letters or more: the product line ("logiq"). */
  line: string | undefined;
}

export function tokenInfo(tokens: readonly string[]): TokenInfo {
  let line: string | undefined;
  const distinctive = new Set<string>();
  for (const t of tokens) {
    if (generic.has(t)) continue;
    distinctive.add(t);
    if (line === undefined && t.length >= 3 && /^[a-z]+$/.test(t)) line = t;
  }
  return { tokens, set: new Set(tokens), distinctive, compact: tokens.join(''), line };
}

function allIn(small: readonly string[], big: ReadonlySet<string>): boolean {
  for (const t of small) if (!big.has(t)) return false;
  return true;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const t of a) if (!b.has(t)) return false;
  return true;
}

/** Compare significant token lists (vendor words already removed). */
export function relateModels(
  productTokens: readonly string[] | TokenInfo,
  deviceTokens: readonly string[] | TokenInfo,
): ModelRelation | null {
  const p = 'set' in productTokens ? productTokens : tokenInfo(productTokens);
  const d = 'set' in deviceTokens ? deviceTokens : tokenInfo(deviceTokens);
  if (p.tokens.length === 0 || d.tokens.length === 0) return null;
  const pInD = allIn(p.tokens, d.set);
  const dInP = allIn(d.tokens, p.set);
  if ((pInD && dInP) || p.compact === d.compact) return 'exact';
  // "MiSeq" and "MiSeq Control Software": the same product words, one adds generic ones.
  if (p.distinctive.size > 0 && sameSet(p.distinctive, d.distinctive))
    return 'same-distinctive-words';
  if (pInD && p.distinctive.size > 0) return 'device-more-specific';
  if (dInP && d.tokens.length >= 2 && d.distinctive.size > 0) return 'product-more-specific';
  if (p.line !== undefined && p.line === d.line && p.tokens[0] === d.tokens[0])
    return 'product-line';
  return null;
}

/** Whether `prefix` starts `tokens` ("Symbia T" starts "Symbia T6" → symbia t 6). */
export function startsWithTokens(tokens: readonly string[], prefix: readonly string[]): boolean {
  return (
    prefix.length > 0 && prefix.length <= tokens.length && prefix.every((t, i) => tokens[i] === t)
  );
}

/**
 * The names one product goes by: "Welch Allyn Spot Vital Signs 4400 Device (Spot 4400) / Welch
 * Allyn Spot 4400 …" is two names, and an abbreviation in parentheses ("Point-of-Care Unit (PCU)")
 * may stand for the words before it.
 */
export function productNameVariants(name: string): string[] {
  const out = new Set<string>();
  for (const part of name.split(/\s+\/\s+/)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const withoutParens = trimmed
      .replace(/\s*\([^()]*\)\s*/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (withoutParens) out.add(withoutParens);
    for (const m of trimmed.matchAll(/\(([^()]*)\)/g)) {
      const abbreviation = (m[1] ?? '').trim();
      if (!/^[A-Za-z][A-Za-z0-9]{1,9}$/.test(abbreviation)) continue;
      const before = trimmed.slice(0, m.index).trim();
      const words = before.split(/[\s-]+/).filter((w) => !noise.has(w.toLowerCase()));
      const letters = abbreviation.toLowerCase();
      const initials = words
        .slice(-letters.length)
        .map((w) => w[0]?.toLowerCase())
        .join('');
      if (initials === letters) {
        const kept = before.split(/\s+/);
        // Drop the abbreviated words (the last `letters.length` significant words) for the short form.
        let toDrop = letters.length;
        while (toDrop > 0 && kept.length > 0) {
          const w = kept.pop() ?? '';
          toDrop -= w.split('-').filter((x) => !noise.has(x.toLowerCase())).length;
        }
        const after = trimmed.slice((m.index ?? 0) + m[0].length).replace(/\([^()]*\)/g, ' ');
        out.add(`${kept.join(' ')} ${abbreviation} ${after}`.replace(/\s+/g, ' ').trim());
      }
    }
  }
  return [...out];
}
