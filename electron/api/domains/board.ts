import { z } from 'zod';
import type { CaseConflict } from './case-conflicts';
import type { BulkDecisionResult, BulkPreview } from './board-bulk';
import { remoteCaseRef } from './case-requests';
import { method } from '../define';
import type { GateWords } from '../gate-words';
import type { MissingWords } from '../missing-words';
import type { PriorityReason } from '../priority-reasons';
import { secret } from './people';
import { statementLanguageInput } from './signoffs';
import { id, isoDateTime, limit, offset } from '../schemas';
import {
  caseFlags,
  caseStates,
  hics251Statuses,
  type CaseFlag,
  type CaseState,
  type GateVerdict,
  type Hics251Status,
  type NextActionRef,
  type PersonRef,
} from './cases';

/**
 * The incident board (PRODUCT.md, "What the incident commander sees"): every case of one incident
 * at a glance, with counts, the cases that need attention, filters, sorting and paging for a
 * virtualised list, the state counts over time, and the commander's bulk decisions.
 *
 * Times are ISO 8601 strings in UTC ("2017-08-03T06:00:00.000Z"); the UI shows them in the
 * facility's time zone. Lists are ordered as documented so that the UI never sorts them again.
 */

/**
 * The four attention lists, usable as a filter too:
 * - `blocked`: an assessing or deferred case whose patient-safety gate is "blocked" now (it cannot
 *   go standalone; the gate says why).
 * - `recheck_overdue`: a deferred case whose re-check time has passed.
 * - `needs_re_review`: an open case whose advisory has a newer revision to acknowledge.
 * - `awaiting_signoff`: an open case whose natural next step lacks only sign-offs (its checklist
 *   is done); the people to ask are named in `BoardAttentionItem.waitingFor`.
 */
export const boardAttentionKinds = [
  'blocked',
  'recheck_overdue',
  'needs_re_review',
  'awaiting_signoff',
] as const;
export type BoardAttentionKind = (typeof boardAttentionKinds)[number];

/** Columns the board sorts by; every sort ends with asset tag, then case id, so pages are stable. */
export const boardSortKeys = [
  'assetTag',
  'state',
  'hics251',
  'department',
  'location',
  'modality',
  'family',
  'assignee',
  'stateEnteredAt',
  'recheckAt',
  'updatedAt',
  /** Highest first when descending; computed from KEV, EPSS, CVSS, exposure and the device. */
  'priority',
] as const;
export type BoardSortKey = (typeof boardSortKeys)[number];

/** The device fields a board row shows, each null when the inventory leaves it empty. */
export const boardDeviceKeys = [
  'vendor',
  'model',
  'family',
  'modality',
  'site',
  'building',
  'floor',
  'room',
  'department',
] as const;
export type BoardDeviceFields = Record<(typeof boardDeviceKeys)[number], string | null>;

/** One row of the board: everything a row shows, and the case to open (`cases.get`). */
export interface BoardRow extends BoardDeviceFields {
  /** The case's ID at the station that holds it. */
  caseId: number;
  /** The station holding the case; null while this installation has no station identity. */
  station: { id: string; name: string } | null;
  /**
   * Whether this station holds the case (open it with `cases.get`). A case held elsewhere is
   * shown as its station's bundles describe it, and worked there: it has no `nextAction`.
   */
  heldHere: boolean;
  deviceId: number;
  assetTag: string;
  state: CaseState;
  /** When the case entered its state. */
  stateEnteredAt: string;
  hics251: Hics251Status;
  assignee: PersonRef | null;
  /** The advisory of this case ("ICSMA-17-215-02") and the revision it relies on ("3"). */
  advisory: { id: number; trackingId: string; version: string };
  /**
   * Every advisory this device has an open or closed case for in this incident (one device can be
   * hit by several advisories; each is its own case and row), sorted.
   */
  deviceTrackingIds: string[];
  /** The patient-safety gate evaluated now from the case's answers. */
  gateVerdict: GateVerdict;
  flags: CaseFlag[];
  /** Open cases: how urgent, higher first, with the reasons in words; null once closed. */
  priority: { value: number; reasons: PriorityReason[]; knownExploited: string[] } | null;
  /** Set for deferred cases: when the gate is due again. */
  recheckAt: string | null;
  /** The one natural next step, and whether it can be taken now; null once closed. */
  nextAction: NextActionRef | null;
  updatedAt: string;
}

/** A case in an attention list: enough to show the line and open the case. */
export interface BoardAttentionItem {
  caseId: number;
  /** Set for a case another station holds (listed, not opened here; caseId is that station's). */
  station?: { id: string; name: string };
  assetTag: string;
  state: CaseState;
  department: string | null;
  assignee: PersonRef | null;
  /** Plain words: the gate's first reason, "re-check due at 09:30", "ICSMA-17-215-02 rev 4". */
  why: string;
  /** The same as words the screen says in its language; null where it words the other fields. */
  whyWords: BoardAttentionWhy | null;
  /** For `awaiting_signoff`: who must sign ("a clinical lead", "IT security"). Else empty. */
  waitingFor: string[];
  /** The same, in words the screen says in its language (one per sign-off, same order). */
  waitingForWords: MissingWords[];
  /** For `recheck_overdue`: the re-check time that passed. */
  recheckAt: string | null;
}

/**
 * Why a case is listed, for the screen's language: the gate's first reason as its catalogue's
 * words (`blocked`), or the advisory revision a case must be reviewed against (`needs_re_review`).
 */
export type BoardAttentionWhy =
  | { kind: 'gate'; words: GateWords }
  | { kind: 're_review'; trackingId: string; version: string; reliesOn: string };

export interface BoardAttentionList {
  /** How many cases of the whole incident (filters ignored) are in this list. */
  count: number;
  /** The first cases, most urgent first (oldest re-check, longest waiting), at most 50. */
  cases: BoardAttentionItem[];
}

/** A value of a filter dropdown, with how many cases of the incident have it (filters ignored). */
export interface BoardFacetValue<V = string> {
  value: V;
  /** What to show; for assignees the person's name, for advisories the tracking ID. */
  label: string;
  count: number;
}

export interface BoardFacets {
  sites: BoardFacetValue[];
  buildings: BoardFacetValue[];
  departments: BoardFacetValue[];
  modalities: BoardFacetValue[];
  families: BoardFacetValue[];
  /** Every state, zero counts included, in workflow order. */
  states: BoardFacetValue<CaseState>[];
  /** People with at least one case in the incident, by name; "unassigned" is `unassigned` below. */
  assignees: BoardFacetValue<number>[];
  /** Cases with no assignee. */
  unassigned: number;
  advisories: BoardFacetValue<number>[];
}

export interface BoardView {
  incident: {
    id: number;
    name: string;
    status: 'open' | 'closed';
    commander: PersonRef;
    operationalPeriod: { start: string; end: string };
  };
  /** When this view was computed (the clock of the services): flags and verdicts are of then. */
  asOf: string;
  /** The whole incident, filters ignored: every state, zero included. */
  countsByState: Record<CaseState, number>;
  countsByHics251: Record<Hics251Status, number>;
  /** The same counts over the cases matching the filters. */
  filteredCountsByState: Record<CaseState, number>;
  filteredCountsByHics251: Record<Hics251Status, number>;
  /** Cases in the incident, and cases matching the filters (the virtual list's length). */
  totalCases: number;
  totalMatching: number;
  attention: Record<BoardAttentionKind, BoardAttentionList>;
  /** The requested page of the matching cases, in the requested order. */
  offset: number;
  rows: BoardRow[];
  facets: BoardFacets;
  /** Every station of the facility known here: this one first, then by name. */
  stations: BoardStation[];
  /** After how many minutes without a bundle a station is flagged as silent. */
  silenceThresholdMinutes: number;
  /** Devices of the incident for which two or more stations opened a case. */
  conflicts: CaseConflict[];
}

/** Minutes without a bundle before a station is flagged, until the commander sets another. */
export const defaultSilenceMinutes = 30;

/** A station on the board: when it was last heard from, and whether it has been silent too long. */
export interface BoardStation {
  id: string;
  name: string;
  /** This installation. */
  here: boolean;
  /** When its last bundle with something new was applied here; null for this station or never. */
  lastHeardFrom: string | null;
  revoked: boolean;
  /** Not heard from for longer than the threshold (or never), and not revoked. */
  silent: boolean;
}

/** The state counts at one moment (after the event at `at`). */
export interface BoardTimelinePoint {
  at: string;
  countsByState: Record<CaseState, number>;
  countsByHics251: Record<Hics251Status, number>;
}

export interface BoardTimeline {
  incidentId: number;
  /** Ordered by time; the first point is the incident's opening, the last is now. */
  points: BoardTimelinePoint[];
}

// The bulk decision's shapes, in their own file; callers import them from here as before.
export type {
  BulkDecisionResult,
  BulkMoved,
  BulkPreview,
  BulkPreviewCase,
  BulkPreviewRemoteCase,
  BulkPreviewTarget,
  BulkRefused,
  RemoteCaseKey,
} from './board-bulk';

const facetText = z.string().trim().min(1).max(200);
const facetList = z.array(facetText).min(1).max(100);

/** Every filter is optional; several values in one filter mean "any of them"; filters AND. */
export const boardFilters = z
  .object({
    sites: facetList.optional(),
    buildings: facetList.optional(),
    departments: facetList.optional(),
    modalities: facetList.optional(),
    families: facetList.optional(),
    states: z.array(z.enum(caseStates)).min(1).max(caseStates.length).optional(),
    hics251: z.array(z.enum(hics251Statuses)).min(1).max(3).optional(),
    /** User ids; `unassigned: true` alongside adds cases with no assignee. */
    assigneeUserIds: z.array(id).min(1).max(100).optional(),
    unassigned: z.boolean().optional(),
    advisoryIds: z.array(id).min(1).max(100).optional(),
    flags: z.array(z.enum(caseFlags)).min(1).max(caseFlags.length).optional(),
    /** Only the cases in one attention list. */
    attention: z.enum(boardAttentionKinds).optional(),
    /** Asset tag starts with this (case-insensitive). */
    assetTagPrefix: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type BoardFilters = z.output<typeof boardFilters>;

/**
 * The commander's sign-off of a bulk decision: their PIN or password, entered once, and the
 * language the statement was shown in (stored as read; one the app lacks reads English).
 */
const bulkSignoff = z.object({ secret, language: statementLanguageInput }).strict();
/** Cases other stations hold: the decision reaches them as requests in this station's bundle. */
const remoteCases = z.array(remoteCaseRef).min(1).max(10_000);
/** This station's cases, the others' or both; at least one case in all. */
const bulkChoice = {
  caseIds: z.array(id).max(10_000),
  remoteCases: remoteCases.optional(),
};

export const boardMethods = {
  'board.get': method<BoardView>()(
    z
      .object({
        incidentId: id,
        filters: boardFilters.optional(),
        sort: z
          .object({ key: z.enum(boardSortKeys), direction: z.enum(['asc', 'desc']) })
          .strict()
          .optional(),
        /** Default 0 and 100; the virtualised list asks for the pages it scrolls to. */
        offset: offset.optional(),
        limit: limit.max(1000).optional(),
      })
      .strict(),
    'The incident board: counts per state and HICS 251 status, attention lists, filter facets, and one page of matching cases.',
  ),
  'board.setStationSilence': method<{ minutes: number }>()(
    z
      .object({
        minutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
      })
      .strict(),
    'Set after how many minutes without a bundle a station is flagged on the board (default 30).',
  ),
  'board.timeline': method<BoardTimeline>()(
    z.object({ incidentId: id }).strict(),
    'State counts of an incident over time, rebuilt from its case history (one point per change).',
  ),
  'cases.bulkPreview': method<BulkPreview>()(
    z
      .object({
        incidentId: id,
        caseIds: z.array(id).max(10_000),
        remoteCases: remoteCases.optional(),
      })
      .strict(),
    'Before a bulk decision: the chosen cases, the states they can go to and, per state, which would move now and why the others would not. Changes nothing.',
  ),
  'cases.bulkTransition': method<BulkDecisionResult>()(
    z
      .object({
        incidentId: id,
        ...bulkChoice,
        target: z.enum(caseStates),
        /** Required by some steps (quarantine); recorded on every case. */
        reason: z.string().trim().max(1000).optional(),
        /** Required for a deferral. */
        recheckAt: isoDateTime.optional(),
        signoff: bulkSignoff,
      })
      .strict(),
    'The commander moves many cases of one incident at once, signed once; each case passes the same guard as a single step and gets its own audit event; refused cases are listed with why.',
  ),
  'cases.bulkRecheck': method<BulkDecisionResult>()(
    z
      .object({
        incidentId: id,
        ...bulkChoice,
        /** The new re-check time of every listed deferred case. */
        recheckAt: isoDateTime,
        reason: z.string().trim().max(1000).optional(),
        signoff: bulkSignoff,
      })
      .strict(),
    'The commander sets one re-check time on many deferred cases, signed once; cases not deferred are refused with why.',
  ),
};
