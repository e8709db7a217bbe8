/**
 * Vendor normalisation: "Siemens", "SIEMENS", "Siemens Medical Solutions" and "Siemens
 * Healthineers" are one company; so are "Phillips" and "Philips", "GE" and "General Electric
 * (GE)", "BD" and "Becton, Dickinson and Company (BD)". The alias table lives in
 * resources/aliases/vendors.json; a vendor it does not list is compared by its cleaned name.
 */
// Type-only cycle with alias-tables.ts (erased at build): it loads its tables with this normalising.
import type { VendorTable } from './alias-tables';
import { tokenize } from './model-tokens';

const legalSuffixes = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'gmbh',
  'ag',
  'co',
  'corp',
  'corporation',
  'company',
  'plc',
  'sa',
  'bv',
  'nv',
  'kg',
  'kgaa',
  'se',
  'and',
]);

/** Lower case, no accents or punctuation, no legal suffix ("Digi International, Inc. " → "digi international"). */
export function normaliseVendorText(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  while (words.length > 1 && legalSuffixes.has(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
}

export interface VendorIdentity {
  key: string;
  /** The name to show: the table's, or the text as written for an unlisted vendor. */
  name: string;
  /** Whether the alias table knows this vendor. */
  listed: boolean;
  /** Token sequences of every name of the vendor, to strip "Siemens" from "Siemens PET/CT Systems". */
  nameTokens: string[][];
  /** Set when the text named a company this vendor acquired ("St. Jude Medical" for Abbott). */
  former?: FormerName;
}

export interface FormerName {
  name: string;
  /** "acquired by Abbott in January 2017" */
  became: string;
  source: string;
}

export interface VendorIndex {
  identify(raw: string | null | undefined): VendorIdentity | null;
  byKey(key: string): VendorIdentity | undefined;
}

export function createVendorIndex(table: VendorTable): VendorIndex {
  const byAlias = new Map<string, VendorIdentity>();
  const byKey = new Map<string, VendorIdentity>();
  for (const v of table.vendors) {
    const names = [v.name, ...v.aliases];
    const formerSpellings = (v.formerNames ?? []).flatMap((f) => f.spellings);
    const identity: VendorIdentity = {
      key: v.key,
      name: v.name,
      listed: true,
      nameTokens: [...names, ...formerSpellings]
        .map((n) => tokenize(n))
        .filter((t) => t.length > 0),
    };
    byKey.set(v.key, identity);
    for (const n of names) byAlias.set(normaliseVendorText(n), identity);
    for (const f of v.formerNames ?? []) {
      const former = { ...identity, former: { name: f.name, became: f.became, source: f.source } };
      for (const n of f.spellings) byAlias.set(normaliseVendorText(n), former);
    }
  }
  const cache = new Map<string, VendorIdentity | null>();

  const lookup = (raw: string): VendorIdentity | null => {
    const text = raw.trim();
    if (!text) return null;
    const full = normaliseVendorText(text);
    if (!full) return null;
    const hit = byAlias.get(full);
    if (hit) return hit;
    // "General Electric (GE)", "Becton, Dickinson and Company (BD)": try each part.
    const paren = /^(.*?)\(([^()]*)\)\s*$/.exec(text);
    if (paren) {
      for (const part of [paren[1] ?? '', paren[2] ?? '']) {
        const found = byAlias.get(normaliseVendorText(part));
        if (found) return found;
      }
    }
    return {
      key: `unlisted:${full}`,
      name: text,
      listed: false,
      nameTokens: [tokenize(text)].filter((t) => t.length > 0),
    };
  };

  return {
    identify(raw) {
      if (raw === null || raw === undefined) return null;
      let r = cache.get(raw);
      if (r === undefined) {
        r = lookup(raw);
        cache.set(raw, r);
      }
      return r;
    },
    byKey: (key) => byKey.get(key),
  };
}
