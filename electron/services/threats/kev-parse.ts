/**
 * CISA's Known Exploited Vulnerabilities catalog, checked against the schema CISA publishes
 * beside it (known_exploited_vulnerabilities_schema.json): the required fields, the CVE and CWE
 * patterns, the date formats. Beyond the schema, `count` must equal the entries listed and a CVE
 * appears once: a truncated or merged file is refused rather than half-believed.
 */
import type { ErrorParams, ErrorWordKey } from '../../api/error-words';
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const vulnerability = z.object({
  cveID: z.string().regex(/^CVE-[0-9]{4}-[0-9]{4,19}$/, 'must read CVE-YYYY-NNNN'),
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  dateAdded: date,
  shortDescription: z.string(),
  requiredAction: z.string(),
  dueDate: date,
  knownRansomwareCampaignUse: z.string().optional(),
  notes: z.string().optional(),
  cwes: z.array(z.string().regex(/^CWE-([0-9])+$/, 'must read CWE-NNN')).optional(),
});
const catalog = z.object({
  title: z.string().optional(),
  catalogVersion: z.string().min(1, 'must not be empty').max(100),
  dateReleased: z.iso.datetime({ offset: true, message: 'must be a date-time' }),
  count: z.number().int().nonnegative(),
  vulnerabilities: z.array(vulnerability),
});

export interface KevEntry {
  cveId: string;
  vendorProject: string;
  product: string;
  vulnerabilityName: string;
  dateAdded: string;
  dueDate: string;
  ransomware: boolean;
}

export interface KevCatalog {
  catalogVersion: string;
  dateReleased: string;
  entries: KevEntry[];
}

/**
 * A parsed file, or why not: the English words and, where the parser words them from the errors
 * catalogue, its key and values (the file's name is added by the caller as `file`).
 */
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; words?: { key: ErrorWordKey; params: ErrorParams } };

/** "line 12, column 5" for a JSON.parse error at a character offset. */
export function lineOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(the document)';
}

export function parseKevCatalog(text: string): Parsed<KevCatalog> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const m = /position (\d+)/.exec((error as Error).message);
    // "Unexpected end of JSON input" gives no position: the file ends too early.
    const at = m?.[1] ? Number(m[1]) : text.length;
    const where = ` at ${lineOf(text, at)}${m?.[1] ? '' : ' (the file ends early)'}`;
    return { ok: false, message: `The KEV catalog is not valid JSON${where}.` };
  }
  const parsed = catalog.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = pathText(issue?.path ?? []);
    const cve =
      issue && issue.path[0] === 'vulnerabilities' && typeof issue.path[1] === 'number'
        ? (json as { vulnerabilities: { cveID?: unknown }[] }).vulnerabilities[issue.path[1]]?.cveID
        : undefined;
    const about = typeof cve === 'string' ? ` (${cve})` : '';
    const message =
      issue?.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue?.message;
    return { ok: false, message: `Field ${field}${about}: ${message ?? 'is invalid'}.` };
  }
  const c = parsed.data;
  if (c.count !== c.vulnerabilities.length) {
    return {
      ok: false,
      message: `Field count: says ${c.count} but the catalog lists ${c.vulnerabilities.length} vulnerabilities; the file may be truncated.`,
    };
  }
  const seen = new Set<string>();
  const entries: KevEntry[] = [];
  for (const [i, v] of c.vulnerabilities.entries()) {
    if (seen.has(v.cveID)) {
      return {
        ok: false,
        message: `Field vulnerabilities[${i}].cveID: ${v.cveID} is listed twice.`,
      };
    }
    seen.add(v.cveID);
    entries.push({
      cveId: v.cveID,
      vendorProject: v.vendorProject,
      product: v.product,
      vulnerabilityName: v.vulnerabilityName,
      dateAdded: v.dateAdded,
      dueDate: v.dueDate,
      ransomware: v.knownRansomwareCampaignUse === 'Known',
    });
  }
  return {
    ok: true,
    value: { catalogVersion: c.catalogVersion, dateReleased: c.dateReleased, entries },
  };
}
