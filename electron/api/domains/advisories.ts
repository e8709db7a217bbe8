import { z } from 'zod';
import type { ErrorWords } from '../error-words';
import type { MatchWords } from '../match-words';
import { method } from '../define';
import { id, limit, offset } from '../schemas';

/** The largest CSAF document accepted, in bytes. */
export const maxAdvisoryBytes = 10 * 1024 * 1024;

export const productStatusKinds = [
  'first_affected',
  'first_fixed',
  'fixed',
  'known_affected',
  'known_not_affected',
  'last_affected',
  'recommended',
  'under_investigation',
] as const;
export type ProductStatusKind = (typeof productStatusKinds)[number];

export interface AdvisoryProduct {
  productId: string;
  /** The full product name as the document gives it. */
  name: string;
  /** The vendor as written (trimmed) and its normalised key (see resources/aliases/vendors.json). */
  vendor: string | null;
  vendorKey: string | null;
  /** The product_name branch, e.g. "Siemens PET/CT Systems Windows 7-Based". */
  productName: string | null;
  /** A product_version leaf ("4.0.0", "24950 | 24952") … */
  version: string | null;
  /** … or a product_version_range leaf ("vers:all/*", "< 1.003", ">= 4.0 | <= 4.6"). */
  versionRange: string | null;
  modelNumbers: string[];
  cpe: string | null;
  /** Every product_status list of every vulnerability that names this product. */
  statuses: ProductStatusKind[];
}

export interface AdvisoryRelationship {
  productId: string;
  name: string;
  category: string;
  productReference: string;
  relatesToProductReference: string;
}

export interface CvssScore {
  productIds: string[];
  version: string;
  baseScore: number;
  baseSeverity: string;
  vectorString: string;
}

export interface AdvisoryRemediation {
  category: string;
  /** Fragments of one remediation (CISA splits paragraphs into entries) joined as paragraphs. */
  details: string;
  productIds: string[];
  urls: string[];
  cves: string[];
}

export interface AdvisoryNote {
  category: string;
  title: string | null;
  text: string;
}

export interface AdvisoryVulnerability {
  cve: string | null;
  title: string | null;
  cwe: { id: string; name: string } | null;
  scores: CvssScore[];
  highestBaseScore: number | null;
  productStatus: Partial<Record<ProductStatusKind, string[]>>;
  notes: AdvisoryNote[];
}

/** The normalised view of one CSAF revision, as stored next to the raw document. */
export interface NormalizedAdvisory {
  trackingId: string;
  version: string;
  status: string;
  initialReleaseDate: string;
  currentReleaseDate: string;
  title: string;
  lang: string | null;
  publisher: { name: string; namespace: string; category: string };
  aggregateSeverity: string | null;
  products: AdvisoryProduct[];
  relationships: AdvisoryRelationship[];
  vulnerabilities: AdvisoryVulnerability[];
  remediations: AdvisoryRemediation[];
  notes: AdvisoryNote[];
  references: { url: string; summary: string; category: string | null }[];
  revisionHistory: { number: string; date: string; summary: string }[];
}

export interface AdvisorySummary {
  id: number;
  trackingId: string;
  version: string;
  status: string;
  title: string;
  publisher: string;
  vendors: string[];
  cveCount: number;
  highestCvss: number | null;
  initialReleaseDate: string;
  currentReleaseDate: string;
  revisionCount: number;
  /** Devices with a suggested or confirmed match (dismissed ones are not counted). */
  devicesMatched: number;
}

export interface AdvisoryRevisionInfo {
  version: string;
  status: string;
  currentReleaseDate: string;
  importedAt: string;
  fileName: string;
  sha256: string;
  current: boolean;
}

export interface AdvisoryDetail extends AdvisorySummary {
  advisory: NormalizedAdvisory;
  revisions: AdvisoryRevisionInfo[];
}

export type AdvisoryImportOutcome = 'imported' | 'revised' | 'unchanged' | 'refused';

export interface AdvisoryImportResult {
  fileName: string;
  outcome: AdvisoryImportOutcome;
  /** SHA-256 of the file's bytes (null when it could not even be read as text). */
  sha256: string | null;
  advisoryId: number | null;
  trackingId: string | null;
  version: string | null;
  /** For `revised`: the revision it replaced as current. */
  previousVersion: string | null;
  /** Why it was refused (the validator's messages, with their JSON path), or notes. */
  messages: string[];
  /**
   * The same reasons, in order, worded for people from the errors catalogue (a field in plain
   * words, not its JSON path), with the technical words (path, validator test) for "Details".
   */
  problems?: AdvisoryProblem[];
}

export interface AdvisoryProblem {
  words: ErrorWords;
  technical?: string;
}

export const matchConfidences = ['high', 'medium', 'low'] as const;
export type MatchConfidence = (typeof matchConfidences)[number];
export const matchStatuses = ['suggested', 'confirmed', 'dismissed'] as const;
export type MatchStatus = (typeof matchStatuses)[number];

export interface MatchView {
  id: number;
  deviceId: number;
  assetTag: string;
  advisoryId: number;
  trackingId: string;
  publisher: string;
  /** The revision the match was last computed against. */
  advisoryVersion: string;
  productId: string;
  productName: string;
  confidence: MatchConfidence;
  /** The rule that matched, in English words, one sentence per piece of evidence. */
  reasons: string[];
  /**
   * The same reasons as catalogue words, worded in the reader's language (api/match-words.ts);
   * null for a match stored before they were kept (its English is shown).
   */
  reasonWords: MatchWords[] | null;
  status: MatchStatus;
  /** False when the latest run no longer finds this match (kept because a person decided it). */
  current: boolean;
  decision: {
    userId: number | null;
    /** The person who decided (null for the command-line operator). */
    userName: string | null;
    role: string;
    at: string;
    reason: string;
    advisoryVersion: string;
  } | null;
}

export interface MatchPage {
  total: number;
  matches: MatchView[];
}

/** Many matches confirmed at once: each one a decision of its own, with its own audit event. */
export interface MatchBulkResult {
  confirmed: MatchView[];
  /** Matches left as they were: already confirmed, or not found; each with why. */
  skipped: { id: number; reason: string }[];
}

export interface MatchRunReport {
  devices: number;
  advisories: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Suggestions that no longer match, removed. */
  removed: number;
  /** Confirmed or dismissed matches that no longer match, kept and marked not current. */
  stale: number;
  byConfidence: Record<MatchConfidence, number>;
}

const fileName = z.string().trim().min(1).max(255);
const reason = z.string().trim().max(2000);

/** An advisory naming products of a device's vendor that the device is not matched to, and why. */
export interface NonMatchView {
  deviceId: number;
  assetTag: string;
  advisoryId: number;
  trackingId: string;
  /** In English words: an exclusion, a version outside the range, another OS, or no such model. */
  reasons: string[];
  /** The same reasons as catalogue words, worded in the reader's language (api/match-words.ts). */
  reasonWords: MatchWords[];
}

export const advisoryMethods = {
  'advisories.import': method<AdvisoryImportResult>()(
    z
      .object({
        fileName,
        content: z
          .string()
          .max(
            maxAdvisoryBytes,
            `The file is larger than ${maxAdvisoryBytes / 1024 / 1024} MB, too large for a CSAF advisory.`,
          ),
      })
      .strict(),
    'Validate a CSAF 2.0 document (strict schema + mandatory tests) and store it: imported, a ' +
      'newer revision of a known advisory, unchanged, or refused with the validator’s messages.',
  ),
  'advisories.list': method<AdvisorySummary[]>()(
    z.object({ search: z.string().max(200).optional() }).strict(),
    'Every advisory (current revision), newest release first.',
  ),
  'advisories.get': method<AdvisoryDetail>()(
    z.object({ id }).strict(),
    'One advisory: its normalised current revision and its revision history.',
  ),
  'matches.run': method<MatchRunReport>()(
    z.object({}).strict(),
    'Recompute match suggestions between every device and every advisory; decisions are kept.',
  ),
  'matches.list': method<MatchPage>()(
    z
      .object({
        advisoryId: id.optional(),
        deviceId: id.optional(),
        status: z.enum(matchStatuses).optional(),
        confidence: z.enum(matchConfidences).optional(),
        limit: limit.optional(),
        offset: offset.optional(),
      })
      .strict(),
    'Matches, filtered, ordered by advisory then asset tag.',
  ),
  'matches.explain': method<NonMatchView[]>()(
    z.object({ deviceId: id.optional() }).strict(),
    'Why a device (or every device) is not matched to the advisories that name products of its vendor.',
  ),
  'matches.confirm': method<MatchView>()(
    z.object({ id, reason }).strict(),
    'Confirm that the device is affected by the advisory (audited, with the reason).',
  ),
  'matches.confirmMany': method<MatchBulkResult>()(
    z.object({ ids: z.array(id).min(1).max(1000), reason }).strict(),
    'Confirm many matches with one reason: each is decided and audited as if confirmed alone; those already confirmed are skipped with why.',
  ),
  'matches.dismiss': method<MatchView>()(
    z.object({ id, reason: reason.min(1, 'Say why the match is dismissed.') }).strict(),
    'Dismiss a match (audited, with the reason).',
  ),
};
