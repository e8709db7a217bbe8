/**
 * Product families: the Siemens molecular-imaging advisories name a family ("Siemens PET/CT
 * Systems"), inventories name a model (Biograph mCT, Symbia T6, Symbia.net). The table lives in
 * resources/aliases/families.json.
 */
import type { FamilyDefinition, FamilyTable } from './alias-tables';
import { significantTokens, startsWithTokens, tokenize } from './model-tokens';

export interface FamilyIndex {
  /** The family a product name (vendor and OS phrase removed) stands for, if any. */
  productFamily(vendorKey: string, nameTokens: readonly string[]): FamilyDefinition | null;
  /** Which family a device belongs to, from its model (strong) or its family field (weaker). */
  deviceFamily(
    vendorKey: string,
    modelTokens: readonly string[],
    familyField: string | null,
  ): DeviceFamily | null;
}

export interface DeviceFamily {
  family: FamilyDefinition;
  /** 'model': the model is one the family lists; 'family-field': only the device's family field says so. */
  by: 'model' | 'family-field';
  /** The listed model or family name that matched, for the reasons. */
  evidence: string;
}

const key = (tokens: readonly string[]) => significantTokens(tokens).join(' ');
const sortedKey = (tokens: readonly string[]) => [...significantTokens(tokens)].sort().join(' ');

export function createFamilyIndex(table: FamilyTable): FamilyIndex {
  const byVendor = new Map<string, FamilyDefinition[]>();
  for (const f of table.families) {
    const list = byVendor.get(f.vendor) ?? [];
    list.push(f);
    byVendor.set(f.vendor, list);
  }
  const compiled = table.families.map((f) => ({
    family: f,
    advisoryKeys: new Set(f.advisoryNames.map((n) => sortedKey(tokenize(n)))),
    deviceFamilyKeys: new Map(f.deviceFamilies.map((n) => [key(tokenize(n)), n] as const)),
    models: f.models.map((m) => ({ name: m, tokens: tokenize(m) })),
  }));

  return {
    productFamily(vendorKey, nameTokens) {
      const k = sortedKey(nameTokens);
      for (const c of compiled) {
        if (c.family.vendor === vendorKey && c.advisoryKeys.has(k)) return c.family;
      }
      return null;
    },
    deviceFamily(vendorKey, modelTokens, familyField) {
      if (!byVendor.has(vendorKey)) return null;
      let best: { c: (typeof compiled)[number]; name: string; length: number } | null = null;
      for (const c of compiled) {
        if (c.family.vendor !== vendorKey) continue;
        for (const m of c.models) {
          if (startsWithTokens(modelTokens, m.tokens) && (!best || m.tokens.length > best.length)) {
            best = { c, name: m.name, length: m.tokens.length };
          }
        }
      }
      if (best) return { family: best.c.family, by: 'model', evidence: best.name };
      if (familyField) {
        const fk = key(tokenize(familyField));
        for (const c of compiled) {
          if (c.family.vendor !== vendorKey) continue;
          const name = c.deviceFamilyKeys.get(fk);
          if (name) return { family: c.family, by: 'family-field', evidence: familyField };
        }
      }
      return null;
    },
  };
}
