/**
 * CISA's Known Exploited Vulnerabilities catalog, checked against the schema CISA publishes
 * beside it (known_exploited_vulnerabilities_schema.json): the required fields, the CVE and CWE
 * patterns, the date formats. Beyond the schema, `count` must equal the entries listed and a CVE
 * appears once: a truncated or merged file is refused rather than half-believed.
 */
import { englishErrorWords, type ErrorParams, type ErrorWordKey } from '../../api/error-words';
import { z } from 'zod';

/**
 * The zod messages name what a field must be, as the end of an errors catalogue key
 * (`kevField…`): the refusal is worded in the reader's language from it.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date');
const vulnerability = z.object({
  cveID: z.string().regex(/^CVE-[0-9]{4}-[0-9]{4,19}$/, 'Cve'),
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  dateAdded: date,
  shortDescription: z.string(),
  requiredAction: z.string(),
  dueDate: date,
  knownRansomwareCampaignUse: z.string().optional(),
  notes: z.string().optional(),
  cwes: z.array(z.string().regex(/^CWE-([0-9])+$/, 'Cwe')).optional(),
});
const catalog = z.object({
  title: z.string().optional(),
  catalogVersion: z.string().min(1, 'Empty').max(100, 'TooLong'),
  dateReleased: z.iso.datetime({ offset: true, message: 'DateTime' }),
  count: z.number().int().nonnegative(),
  vulnerabilities: z.array(vulnerability),
});
const fieldProblems = ['Date', 'Cve', 'Cwe', 'Empty', 'TooLong', 'DateTime'] as const;

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
 * A parsed file, or why not: the English words and the errors catalogue's key and values they
 * come from (the file's name is added by the caller as `file`).
 */
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; words: { key: ErrorWordKey; params: ErrorParams } };

/** The line and column of a JSON.parse error at a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(the document)';
}

/** Refused, in the errors catalogue's words; the caller adds the file's name. */
function refused(key: ErrorWordKey, params: ErrorParams): Parsed<KevCatalog> {
  const words = { key, params };
  // The caller words the refusal with the file's name; the message stands for it meanwhile.
  return {
    ok: false,
    message: englishErrorWords({ key, params: { ...params, file: 'KEV' } }),
    words,
  };
}

function fieldKey(issue: z.core.$ZodIssue | undefined): ErrorWordKey {
  if (issue?.code === 'invalid_type' && issue.input === undefined) return 'kevFieldMissing';
  const named = fieldProblems.find((p) => p === issue?.message);
  return named ? `kevField${named}` : 'kevFieldInvalid';
}

export function parseKevCatalog(text: string): Parsed<KevCatalog> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const m = /position (\d+)/.exec((error as Error).message);
    // "Unexpected end of JSON input" gives no position: the file ends too early.
    const at = m?.[1] ? Number(m[1]) : text.length;
    return refused(m?.[1] ? 'kevNotJson' : 'kevEndsEarly', positionOf(text, at));
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
    return refused(fieldKey(issue), { field, about });
  }
  const c = parsed.data;
  if (c.count !== c.vulnerabilities.length) {
    return refused('kevCountDiffers', { count: c.count, listed: c.vulnerabilities.length });
  }
  const seen = new Set<string>();
  const entries: KevEntry[] = [];
  for (const [i, v] of c.vulnerabilities.entries()) {
    if (seen.has(v.cveID)) {
      return refused('kevCveTwice', { field: `vulnerabilities[${i}].cveID`, cve: v.cveID });
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
