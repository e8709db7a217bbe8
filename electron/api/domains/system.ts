import { z } from 'zod';
import { method } from '../define';
import { isKnownTimeZone } from '../clock';
import type { Language } from '../languages';
import { empty, id, limit } from '../schemas';

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  dataDir: string;
  databaseFile: string;
  /** Always true: the app never opens a network connection. */
  offline: true;
  deviceCount: number;
  demoLoaded: boolean;
  /** A demo load was cut short (no advisories or demo identity yet): `demo.load` finishes it. */
  demoUnfinished: boolean;
  /** The language the demo's free text was written in (departments, notes); null without a demo. */
  demoLanguage: Language | null;
  /** Demo accounts (public PINs) can still sign in: every screen says so. */
  demoAccountsActive: boolean;
  /** The facility's name once one is set up (the demo facility or the hospital's own). */
  facility: string | null;
  /** The facility's IANA time zone ("Europe/Zurich"): every time shown is in it. UTC when unset. */
  timeZone: string;
}

export interface DbCheckReport {
  schemaVersion: number;
  appSchemaVersion: number;
  check: 'quick_check' | 'integrity_check';
  ok: boolean;
  problems: string[];
  journalMode: string;
}

/**
 * Why an event does not fit the chain, for the reader to word (Settings → Data and integrity):
 * events missing before it (`from`–`to`) or at the end of the chain, an event out of order, its
 * content edited, its columns not those of its content, its link to the previous event broken,
 * or the chain not ending where the recorded head says.
 */
export const auditChainProblems = [
  'missing_before',
  'out_of_order',
  'edited',
  'columns_differ',
  'link_broken',
  'missing_at_end',
  'head_differs',
] as const;
export interface AuditChainProblem {
  kind: (typeof auditChainProblems)[number];
  /** The missing events, for `missing_before` and `missing_at_end`. */
  from?: number;
  to?: number;
}

export interface AuditVerifyReport {
  ok: boolean;
  eventCount: number;
  lastHash: string | null;
  /** The first event that does not fit the chain, and why (in English, and as a problem to word). */
  firstBad: { id: number; reason: string; problem: AuditChainProblem } | null;
  /**
   * The bound tables compared with a replay of the events (absent when only the chain was
   * recomputed, or when the chain itself is broken and a replay would prove nothing).
   */
  records?: RecordCheckReport;
}

/**
 * A bound row that does not match the replay of the audit events: a field differs, the row the
 * events describe is missing, or the row exists with no event that wrote it.
 */
export interface RecordProblem {
  table: string;
  /** The row's primary key, e.g. `id=3` or `case_id=3, section_id="a", item_id="b"`. */
  key: string;
  /** The same key by its columns, for the reader to name in its words ("case 3, section …"). */
  keyParts: { column: string; value: string | number }[];
  /** The column that differs (null when the whole row is missing or has no event). */
  field: string | null;
  problem: 'differs' | 'missing' | 'no_event';
  /** The last event that wrote this row, when there is one. */
  eventId: number | null;
  /** What the events say and what the table holds (JSON text, shortened). */
  expected?: string;
  actual?: string;
}

export interface RecordCheckReport {
  scope: 'full' | 'incremental';
  ok: boolean;
  /** The last event replayed. */
  throughEventId: number;
  tablesChecked: string[];
  rowsChecked: number;
  problemCount: number;
  /** The first problems found (at most 100). */
  problems: RecordProblem[];
}

/** Whether the live chain extends the anchor an artefact carries (`audit verify --anchor`). */
export interface AnchorCheck {
  file: string;
  ok: boolean;
  /** What carried it: PDF, backup, JSON or CSV export. */
  kind?: string;
  /** The anchored head. */
  eventId?: number;
  hash?: string;
  issuedAt?: string;
  signature?: 'valid' | 'unsigned' | 'invalid' | 'unknown_identity';
  /** Where the live history parts from the anchored one (exact: firstDiverging is the event). */
  divergence?: { lastMatching: number | null; firstDiverging: number; exact: boolean };
  problem?: string;
}

/** The replay check the app runs in the background at every start. */
export interface StartCheckView {
  /** null when this process ran none (the command line). */
  startedAt: string | null;
  /** null while it runs. */
  finishedAt: string | null;
  ok: boolean | null;
  problemCount: number;
}

/** An audit event as its stored body holds it: everything but its id and its hash. */
export interface AuditEventBody {
  time: string;
  actorUserId: number | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string | null;
  payload: unknown;
}

export interface AuditEventView extends AuditEventBody {
  id: number;
  hash: string;
}

export const systemMethods = {
  'app.info': method<AppInfo>()(empty, 'Name, version, schema version and data folder of the app.'),
  'db.check': method<DbCheckReport>()(
    z.object({ full: z.boolean().optional() }).strict(),
    'Schema version and PRAGMA quick_check (integrity_check with full: true).',
  ),
  'audit.verify': method<AuditVerifyReport>()(
    z.object({ scope: z.enum(['full', 'incremental']).optional() }).strict(),
    'Recompute the audit hash chain, replay its events and compare every bound table with them ' +
      '(incremental: since the last verified point); name the first event, table, row and field ' +
      'that do not fit.',
  ),
  'audit.verifyAnchors': method<AnchorCheck[]>()(
    z.object({ files: z.array(z.string().min(1).max(4096)).min(1).max(1000) }).strict(),
    'Check that the live audit chain extends the anchor each file carries (PDF, backup, export).',
  ),
  'audit.startCheck': method<StartCheckView>()(
    empty,
    'The replay check run at start: still running, or whether the records matched the audit trail.',
  ),
  'audit.list': method<AuditEventView[]>()(
    z
      .object({
        entityType: z.string().max(64).optional(),
        entityId: z.string().max(128).optional(),
        afterId: id.optional(),
        limit: limit.optional(),
      })
      .strict(),
    'Audit events, oldest first, optionally for one entity.',
  ),
  'facility.setTimeZone': method<{ timeZone: string }>()(
    z
      .object({
        timeZone: z.string().max(64).refine(isKnownTimeZone, {
          message: 'Choose a time zone from the list, e.g. Europe/Zurich.',
        }),
      })
      .strict(),
    'Set the facility’s time zone, in which the app shows, asks for and prints every time.',
  ),
};
