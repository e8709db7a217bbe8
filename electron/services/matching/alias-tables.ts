import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { normaliseVendorText } from './vendors';

const vendorsSchema = z
  .object({
    $comment: z.string().optional(),
    vendors: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9-]+$/, 'a key is lower-case letters, digits and -'),
            name: z.string().min(1),
            aliases: z.array(z.string().min(1)).min(1),
            formerNames: z
              .array(
                z
                  .object({
                    name: z.string().min(1),
                    became: z.string().min(1),
                    source: z.string().min(1),
                    spellings: z.array(z.string().min(1)).min(1),
                  })
                  .strict(),
              )
              .optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const familiesSchema = z
  .object({
    $comment: z.string().optional(),
    families: z.array(
      z
        .object({
          key: z.string().regex(/^[a-z0-9-]+$/),
          vendor: z.string().min(1),
          name: z.string().min(1),
          advisoryNames: z.array(z.string().min(1)).min(1),
          deviceFamilies: z.array(z.string().min(1)),
          models: z.array(z.string().min(1)),
        })
        .strict(),
    ),
  })
  .strict();

export type VendorTable = z.infer<typeof vendorsSchema>;
export type FamilyTable = z.infer<typeof familiesSchema>;
export type VendorDefinition = VendorTable['vendors'][number];
export type FamilyDefinition = FamilyTable['families'][number];

export interface AliasTables {
  vendors: VendorTable;
  families: FamilyTable;
}

function readTable<T>(file: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Shipped alias table ${file} cannot be read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Shipped alias table ${file} is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Check what the schema cannot: unique keys, no alias claimed by two vendors, known family vendors. */
export function checkAliasTables(tables: AliasTables, normalise: (s: string) => string): void {
  const owner = new Map<string, string>();
  const keys = new Set<string>();
  for (const v of tables.vendors.vendors) {
    if (keys.has(v.key)) throw new Error(`Vendor key "${v.key}" appears twice in vendors.json`);
    keys.add(v.key);
    const former = (v.formerNames ?? []).flatMap((f) => f.spellings);
    for (const alias of [v.name, ...v.aliases, ...former]) {
      const n = normalise(alias);
      const previous = owner.get(n);
      if (previous && previous !== v.key) {
        throw new Error(`Vendor alias "${alias}" belongs to both "${previous}" and "${v.key}"`);
      }
      owner.set(n, v.key);
    }
  }
  for (const f of tables.families.families) {
    if (!keys.has(f.vendor)) {
      throw new Error(`Family "${f.key}" names vendor "${f.vendor}", which vendors.json lacks`);
    }
  }
}

const cache = new Map<string, AliasTables>();

/** The vendor and family tables from `resources/aliases/`, validated once per folder. */
export function loadAliasTables(resourcesDir: string): AliasTables {
  const cached = cache.get(resourcesDir);
  if (cached) return cached;
  const dir = path.join(resourcesDir, 'aliases');
  const tables = {
    vendors: readTable(path.join(dir, 'vendors.json'), vendorsSchema),
    families: readTable(path.join(dir, 'families.json'), familiesSchema),
  };
  checkAliasTables(tables, normaliseVendorText);
  cache.set(resourcesDir, tables);
  return tables;
}

export function parseAliasTables(vendors: unknown, families: unknown): AliasTables {
  return { vendors: vendorsSchema.parse(vendors), families: familiesSchema.parse(families) };
}
