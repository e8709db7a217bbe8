import type { ErrorWords } from '../error-words';
import type { GateWords } from '../gate-words';
import type { PlaceParts } from '../place-words';
import { z } from 'zod';
import { method } from '../define';
import type { PriorityReason } from '../priority-reasons';
import type { Role } from '../roles';
import { id, isoDateTime } from '../schemas';
import type { CaseState, Hics251Status } from './cases';

/**
 * The incident reports in the forms of the Hospital Incident Command System (PRODUCT.md, "What
 * the incident commander sees"): HICS 251 Facility System Status, HICS 214 Activity Log, an
 * incident briefing in the spirit of HICS 201, and the incident's timeline. Each is a typed model
 * the UI shows as is; `reports.csv` gives the same rows as a spreadsheet (formulas neutralised).
 *
 * Times are ISO 8601 in UTC; `timeZone` says where the facility is, for display.
 */

export const reportKinds = ['hics251', 'hics214', 'briefing', 'timeline'] as const;
export type ReportKind = (typeof reportKinds)[number];

/** Who the report is for and when: the header every report form carries. */
export interface ReportHeader {
  incident: { id: number; name: string; status: 'open' | 'closed' };
  /** The period covered: the one asked for, or the incident's own operational period. */
  operationalPeriod: { start: string; end: string };
  /** "Prepared by": the signed-in person (their name, and the role they act in), or the operator. */
  preparedBy: { userId: number | null; name: string; role: Role | 'operator' };
  /** When the report was generated (the services' clock). */
  preparedAt: string;
  /** The facility's IANA time zone (e.g. "Europe/Berlin"), or null when not set. */
  timeZone: string | null;
  /** The facility's name, when known. */
  facility: string | null;
}

/** A briefing objective: which one, with what it counts. */
export type BriefingObjective =
  | { code: 'protect'; advisories: string }
  | { code: 'standalone'; standalone: number }
  | { code: 'patch' | 'reconnect'; done: number; total: number }
  | { code: 'verify' | 'backups' };

/** One line of HICS 251: one device (one case; a device hit by two advisories has two lines). */
export interface Hics251Row {
  /** The case's ID at the station that holds it. */
  caseId: number;
  /** The name of the station holding the case (null while this one has no station identity). */
  station: string | null;
  /** Whether this station holds the case; else it is worked at `station`. */
  heldHere: boolean;
  /** "Siemens Biograph mCT (asset NM-PETCT-01)". */
  system: string;
  /** "Siemens Biograph mCT": vendor and model, empty when neither is recorded. */
  label: string;
  assetTag: string;
  status: Hics251Status;
  /** "Fully functional", "Partially functional", "Non-functional". */
  statusLabel: string;
  state: CaseState;
  /** "Main Campus, Building A, floor 1, room NM-104 (Nuclear Medicine)", what is known. */
  location: string;
  /** What `location` says, as data, for words in another language (api/hics251-words.ts). */
  place: PlaceParts;
  department: string | null;
  /** Plain words from the state and gate: "Disconnected, running standalone (no PACS)". */
  reason: string;
  /** The gate's first reason when it blocks (part of `reason`), for words in another language. */
  gateReason: string | null;
  /** The same as the gate's catalogue words, for a document in another language. */
  gateReasonWords: GateWords | null;
  /** The re-check time of a deferred case, or the end of a recorded patch window; else null. */
  estimatedReturn: string | null;
  /** Advisory and revision, assignee, flags: "ICSMA-17-215-02 rev 3; assigned to Dana Biomed". */
  comments: string;
  /** What `comments` says, as data: the advisory and revision, the assignee, a review awaited. */
  advisory: { trackingId: string; version: string };
  assignee: string | null;
  awaitsReview: boolean;
}

export interface Hics251Report {
  kind: 'hics251';
  header: ReportHeader;
  /** How many lines per status. */
  totals: Record<Hics251Status, number>;
  /** Non-functional first, then partially, then fully functional; by asset tag within each. */
  rows: Hics251Row[];
}

/** One notable activity of HICS 214, in plain words. */
/**
 * An activity as words of the PDF catalogue's `activities` (electron/api/i18n/pdf.*.json), so a
 * document says it in its own language: the key, plain values, and values that are themselves
 * words (workflow states, a sign-off's topic, a checklist section, the device).
 */
export interface ActivityWords {
  key: string;
  params: Record<string, string | number>;
  /** The device: its asset tag, else its case, else (null) the incident itself. */
  device: { assetTag: string } | { caseId: number } | null;
  /** Parameters that are workflow states (`from`, `to`, `target`). */
  states?: Record<string, string>;
  topic?: string;
  section?: string;
  bulkDecisionId?: number;
  requestedBy?: string;
  reason?: string;
  /** The reason as words of the errors catalogue (a refusal), worded in the reader's language. */
  reasonWords?: ErrorWords;
  /** Checklist answers summed into one line. */
  items?: number;
}

export interface Hics214Activity {
  at: string;
  /** "Moved NM-PETCT-01 from Assessing to Standalone", "Signed patient safety clear for …". */
  activity: string;
  /** The same in words, for a document in another language. */
  words: ActivityWords;
  /** The audit event it comes from (for `audit.list`). */
  auditEventId: number;
  caseId: number | null;
  assetTag: string | null;
}

/** One person in one position (a role they acted in) with their activities, oldest first. */
export interface Hics214Entry {
  /** `userId` is the person's ID at `station`. */
  person: { userId: number | null; name: string };
  /** The station where they acted (null while this one has no station identity). */
  station: string | null;
  /** The HICS position: the role under which they acted ("Incident commander", "IT security"). */
  role: string;
  positionLabel: string;
  activities: Hics214Activity[];
}

export interface Hics214Report {
  kind: 'hics214';
  header: ReportHeader;
  /** By person name, then position. */
  entries: Hics214Entry[];
  /** Notable events counted, and audit events read in the period. */
  activityCount: number;
  eventsRead: number;
}

export interface BriefingReport {
  kind: 'briefing';
  header: ReportHeader;
  situation: {
    /** One paragraph: "34 devices in 1 incident; 4 standalone, …". */
    summary: string;
    caseCount: number;
    /** How many cases each station holds: this one first (null name: no station identity yet). */
    byStation: { station: string | null; caseCount: number }[];
    openCaseCount: number;
    countsByState: Record<CaseState, number>;
    countsByHics251: Record<Hics251Status, number>;
    advisories: {
      id: number;
      trackingId: string;
      version: string;
      title: string;
      cves: { cve: string; cvss: number | null }[];
      caseCount: number;
    }[];
    /** Cases needing attention now: blocked, overdue re-checks, re-reviews, awaiting sign-off. */
    attention: {
      blocked: number;
      recheckOverdue: number;
      needsReReview: number;
      awaitingSignoff: number;
    };
  };
  /** From the advisories' remediations: disconnect/standalone, patch, verify, reconnect. */
  objectives: string[];
  /** The same objectives as codes with their values, for words in another language. */
  objectiveCodes: BriefingObjective[];
  /** Notable actions already taken (from the audit trail), newest first, at most 50. */
  /** `person` and `position` as in a timeline entry: the reader's words for who acted. */
  actionsTaken: {
    at: string;
    by: string;
    activity: string;
    words: ActivityWords;
    person: string | null;
    position: string;
  }[];
  /** The facility's ten open cases to take first, highest priority first, with the reasons in words. */
  topPriorities: {
    /** The case's ID at the station that holds it. */
    caseId: number;
    /** That station's name (null before this station is set up); whether it is this one. */
    station: string | null;
    heldHere: boolean;
    assetTag: string;
    trackingId: string;
    state: CaseState;
    priority: number;
    /** In English words, strongest first (CSV and PDF); `reasonCodes` for the UI's language. */
    reasons: string[];
    reasonCodes: PriorityReason[];
    knownExploited: string[];
  }[];
  /** Planned next actions, one line per state with cases in it ("12 cases: start the assessment"). */
  actionsPlanned: {
    state: Exclude<CaseState, 'returned_to_service'>;
    caseCount: number;
    action: string;
  }[];
  /** People by role with how many cases are assigned to them (open ones, and all). */
  resources: {
    role: string;
    roleLabel: string;
    people: { userId: number; name: string; openCases: number; cases: number }[];
  }[];
  unassignedOpenCases: number;
}

export interface TimelineEntry {
  at: string;
  /** "Incident opened", "NM-PETCT-01: Assessing → Standalone", "Sign-off given", … */
  event: string;
  /** The same in words, for a document in another language. */
  words: ActivityWords;
  /** The person's name, else the position in English (as the CSV prints it). */
  by: string;
  /** The position in English, as the CSV prints it. */
  role: string;
  /** The person who acted; null for the app itself or the command line. */
  person: string | null;
  /** The role acted in, as stored ("biomed", "operator", "system"): worded on screen (positionWord). */
  position: string;
  caseId: number | null;
  assetTag: string | null;
  auditEventId: number;
}

export interface TimelineReport {
  kind: 'timeline';
  header: ReportHeader;
  /** Oldest first. */
  entries: TimelineEntry[];
}

export interface ReportCsv {
  /** "hics251-ICSMA-17-215-02-response-2017-08-03.csv": safe as a file name. */
  fileName: string;
  /** UTF-8 CSV with a header row; cells that a spreadsheet would run as formulas are neutralised. */
  text: string;
  rowCount: number;
}

/** An operational period; both ends or neither (then the incident's own period is used). */
export const operationalPeriod = z
  .object({ start: isoDateTime, end: isoDateTime })
  .strict()
  .refine((p) => Date.parse(p.start) < Date.parse(p.end), {
    message: 'The operational period must end after it starts.',
  });

const reportInput = z
  .object({ incidentId: id, operationalPeriod: operationalPeriod.optional() })
  .strict();

export const reportMethods = {
  'reports.hics251': method<Hics251Report>()(
    reportInput,
    'HICS 251 Facility System Status: one line per device with status, location, reason, estimated return and comments.',
  ),
  'reports.hics214': method<Hics214Report>()(
    reportInput,
    'HICS 214 Activity Log: per person and position, the notable activities of the operational period, from the audit trail.',
  ),
  'reports.briefing': method<BriefingReport>()(
    z.object({ incidentId: id }).strict(),
    'Incident briefing (HICS 201 in spirit): situation, objectives, actions taken and planned, resources.',
  ),
  'reports.timeline': method<TimelineReport>()(
    reportInput,
    'The notable events of an incident in time order, from the audit trail.',
  ),
  'reports.csv': method<ReportCsv>()(
    z
      .object({
        incidentId: id,
        report: z.enum(reportKinds),
        operationalPeriod: operationalPeriod.optional(),
      })
      .strict(),
    'One of the reports as CSV text (spreadsheet formulas neutralised), with a file name.',
  ),
};
