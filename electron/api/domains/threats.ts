import { z } from 'zod';
import { method } from '../define';
import type { PriorityReason } from '../priority-reasons';
import type { CaseDetail } from './cases';

const fileName = z.string().trim().min(1).max(255);

/** CISA's KEV catalog is about 1.5 MB today; room to grow, but not without bound. */
export const maxKevBytes = 32 * 1024 * 1024;
/** FIRST's daily EPSS file is about 300,000 rows, some 10 MB uncompressed. */
export const maxEpssBytes = 64 * 1024 * 1024;

export type ThreatImportOutcome = 'imported' | 'unchanged';

export interface KevImportResult {
  fileName: string;
  outcome: ThreatImportOutcome;
  catalogVersion: string;
  dateReleased: string;
  count: number;
  /** Open cases flagged for re-review because this catalog adds one of their CVEs. */
  casesFlagged: number;
}

export interface EpssImportResult {
  fileName: string;
  outcome: ThreatImportOutcome;
  modelVersion: string;
  scoreDate: string;
  rows: number;
}

export interface ThreatStatus {
  kev: {
    catalogVersion: string;
    dateReleased: string;
    count: number;
    importedAt: string;
    fileName: string;
  } | null;
  epss: {
    modelVersion: string;
    scoreDate: string;
    rows: number;
    importedAt: string;
    fileName: string;
  } | null;
}

/** What the imported catalogues say about one CVE. */
export interface CveThreat {
  cve: string;
  kev: {
    dateAdded: string;
    /** CISA's knownRansomwareCampaignUse: "Known" or "Unknown". */
    ransomware: boolean;
    vulnerabilityName: string;
    catalogVersion: string;
  } | null;
  epss: { score: number; percentile: number; scoreDate: string } | null;
}

/** An open case's priority: higher first, with the reasons in words. */
export interface CasePriority {
  caseId: number;
  priority: number;
  /** The reasons in English words, strongest first (the command line prints them). */
  priorityReasons: string[];
  /** The same reasons as codes with their values, for wording in the station's language. */
  reasonCodes: PriorityReason[];
  /** The case's CVE IDs found in the current KEV catalog. */
  knownExploited: string[];
}

const cve = z.string().regex(/^CVE-\d{4}-\d{4,19}$/, 'A CVE ID reads CVE-YYYY-NNNN.');

/** A threat-intelligence file as the station hands it over: its name and its text, bounded. */
const threatFile = (maxBytes: number, what: string) =>
  z
    .object({
      fileName,
      content: z
        .string()
        .max(
          maxBytes,
          `The file is larger than ${maxBytes / 1024 / 1024} MB, too large for ${what}.`,
        ),
    })
    .strict();

export const threatMethods = {
  'threats.importKev': method<KevImportResult>()(
    threatFile(maxKevBytes, 'the KEV catalog'),
    "Validate CISA's Known Exploited Vulnerabilities catalog (JSON) against its schema and store it as the current catalog; a newer catalog that adds a CVE of an open case flags the case for re-review.",
  ),
  'threats.importEpss': method<EpssImportResult>()(
    threatFile(maxEpssBytes, 'an EPSS file'),
    "Validate FIRST's EPSS scores (CSV: #model_version:…,score_date:… then cve,epss,percentile) and store them as the current scores.",
  ),
  'threats.status': method<ThreatStatus>()(
    z.object({}).strict(),
    'The KEV catalog version and the EPSS score date in use, with when they were imported.',
  ),
  'threats.priorities': method<CasePriority[]>()(
    z
      .object({
        incidentId: z.number().int().positive().optional(),
        caseId: z.number().int().positive().optional(),
      })
      .strict(),
    'The priority of every open case (of one incident, or one case), highest first, with its reasons in words.',
  ),
  'threats.acknowledgeCase': method<CaseDetail>()(
    z
      .object({
        caseId: z.number().int().positive(),
        /** The KEV catalog that flagged the case: the one reviewed. */
        catalogVersion: z.string().trim().min(1).max(64),
        note: z.string().trim().max(1000).optional(),
      })
      .strict(),
    'Acknowledge, on a case flagged for KEV review, that the newly known exploited CVEs were reviewed for this device; audited.',
  ),
  'threats.forCves': method<CveThreat[]>()(
    z.object({ cves: z.array(cve).max(1000) }).strict(),
    'What the current KEV catalog and EPSS scores say about each CVE.',
  ),
};
