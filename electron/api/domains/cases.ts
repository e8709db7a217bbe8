import type { StepKey } from '../step-words';
import type { MissingWords } from '../missing-words';
import type { PlaceParts } from '../place-words';
import { z } from 'zod';
import { method } from '../define';
import type { Role, SignoffKind, StatementLanguage } from '../roles';
import { id, limit, offset } from '../schemas';
import { secret } from './people';
import type { Device } from './devices';
import type { JsonValue, ChecklistSection, GateView } from './case-checklist';

/**
 * Device cases: one device's response to one advisory within an incident (PRODUCT.md, "The
 * per-device workflow"). The rules live in the services (`electron/services/workflow`); these are
 * the names and shapes that cross the boundary. The lists of states, sections, gate verdicts and
 * HICS 251 statuses are in `./case-vocabulary`, re-exported here.
 */

import {
  caseStates,
  checklistSectionIds,
  type CaseFlag,
  type CaseState,
  type ChecklistSectionId,
  type GateVerdict,
  type Hics251Status,
} from './case-vocabulary';

export * from './case-vocabulary';

export interface PersonRef {
  userId: number;
  name: string;
}

/** A case's one natural next step, and whether it can be taken now. */
export interface NextActionRef {
  target: CaseState;
  action: string;
  actionKey: StepKey;
  allowed: boolean;
}

/** One row of "My devices" and of the incident board. */
export interface CaseSummary {
  caseId: number;
  incidentId: number;
  incidentName: string;
  deviceId: number;
  assetTag: string;
  /** "Siemens Biograph mCT". */
  deviceLabel: string;
  family: string | null;
  modality: string | null;
  department: string | null;
  /** "Main Campus, Building A, floor 1, room NM-104", what is known of it. */
  location: string | null;
  /** What `location` says, as data, for words in the reader's language (api/place-words.ts). */
  place: PlaceParts;
  advisoryId: number;
  trackingId: string;
  /** The advisory revision the case relies on. */
  advisoryVersion: string;
  state: CaseState;
  stateEnteredAt: string;
  hics251: Hics251Status;
  recheckAt: string | null;
  assignee: PersonRef | null;
  gateVerdict: GateVerdict;
  flags: CaseFlag[];
  /** The one natural next step, and whether it can be taken now; null once closed. */
  nextAction: NextActionRef | null;
  /** The name of the station holding the case (where it is worked); null before station init. */
  station: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CasePage {
  total: number;
  cases: CaseSummary[];
}

export interface CaseAdvisoryView {
  id: number;
  trackingId: string;
  title: string;
  publisher: string;
  /** The language the publisher wrote it in (CSAF `document.lang`, "en-US"), null if not said. */
  lang: string | null;
  /** The revision this case relies on (its decisions were taken on it). */
  revision: { version: string; releaseDate: string };
  /** The newest revision imported; differs from `revision.version` while re-review is pending. */
  currentVersion: string;
  cves: {
    cve: string | null;
    title: string | null;
    cwe: string | null;
    cvss: number | null;
    severity: string | null;
    vector: string | null;
  }[];
  /** Ports the advisory names ("80/tcp"), or null when it names none. */
  exposedPorts: string[] | null;
  /** The vendor's remediations, as the advisory gives them. */
  remediations: { category: string; details: string; urls: string[] }[];
  /** The advisory product the device was matched to (null for a device added by hand). */
  product: { id: string; name: string } | null;
}

export type {
  JsonValue,
  AnswerScalar,
  AnswerValue,
  CaseAnswer,
  ChecklistComparison,
  ChecklistField,
  ChecklistItem,
  SectionStatusView,
  ChecklistSection,
  WaitingPatientView,
  GateView,
} from './case-checklist';

export interface CaseSignoffView {
  id: number;
  kind: SignoffKind;
  userId: number;
  userName: string;
  role: Role;
  statement: string;
  signedAt: string;
  /** Signed on content that has changed since: it no longer counts. */
  stale: boolean;
  /**
   * Given in an earlier round of the workflow (before a quarantine, a restore or a return to an
   * earlier phase): stale too, and shown as "earlier round".
   */
  earlierRound: boolean;
}

/**
 * What to sign for a sign-off the next steps need: call `signoffs.sign` with this kind, subject and
 * content (the content shown to the signer) plus their PIN or password.
 */
export interface SigningRequest {
  kind: SignoffKind;
  /** Who may give it. */
  roles: Role[];
  /** The fixed sentence attested, in each language: the signer reads theirs and signs in it. */
  statements: Readonly<Record<StatementLanguage, string>>;
  subjectType: 'case';
  /** `<caseId>:<kind>`: each kind signs the sections it covers. */
  subjectId: string;
  /** The case id, the advisory revision relied on, and the answers of the covered sections. */
  content: Record<string, JsonValue>;
  /** A valid (not stale) sign-off of this kind exists. */
  given: boolean;
}

export interface CaseActionOption {
  target: CaseState;
  /** The button: "Disconnect and run standalone". */
  action: string;
  /** The button's words in the station's language: `steps.<actionKey>` (api/i18n/steps.*.json). */
  actionKey: StepKey;
  allowed: boolean;
  /** What is still missing, in plain words. */
  missing: string[];
  /** The same as catalogue words (api/missing-words.ts), for the station's language. */
  missingWords: MissingWords[];
  /** Where each of `missing` is put right on the case page (same order): a section, an item, a sign-off. */
  missingAt: { section?: ChecklistSectionId; item?: string; signoff?: SignoffKind }[];
  /** Inputs the step takes when it is taken: a reason (quarantine), a re-check time (defer). */
  needs: ('reason' | 'recheckAt')[];
  signoffs: { kind: SignoffKind; roles: Role[]; given: boolean }[];
}

export interface CaseNextActions {
  /** The one clear next action; null once the case is closed. */
  next: CaseActionOption | null;
  /** Every step the workflow allows from here, the natural one first. */
  options: CaseActionOption[];
  allowed: CaseState[];
  recheck: { at: string; due: boolean } | null;
}

export const caseHistoryEvents = [
  'opened',
  'transition',
  'assigned',
  'review_flagged',
  'review_acknowledged',
  'handed_over',
  'taken_over',
] as const;
export type CaseHistoryEvent = (typeof caseHistoryEvents)[number];

export interface CaseHistoryEntry {
  id: number;
  event: CaseHistoryEvent;
  fromState: CaseState | null;
  toState: CaseState;
  at: string;
  by: { userId: number | null; name: string | null; role: string };
  /** The name of the station whose record holds the entry (null while this one has no station identity). */
  station: string | null;
  /**
   * reason, recheckAt, signoffIds, assignee, versions: what the event needs to be read back; a
   * hand-over (`handed_over`, `taken_over`) names the other `station` and whether it went `back`.
   */
  detail: Record<string, unknown>;
}

/** Everything the on-floor screen needs, in one call. */
export interface CaseDetail {
  caseId: number;
  incident: { id: number; name: string; status: 'open' | 'closed' };
  device: Device;
  advisory: CaseAdvisoryView;
  template: { id: string; version: number; title: string; sections: ChecklistSection[] };
  state: CaseState;
  stateLabel: string;
  stateEnteredAt: string;
  open: boolean;
  hics251: Hics251Status;
  recheckAt: string | null;
  assignee: PersonRef | null;
  flags: CaseFlag[];
  /** Pending re-review: the newer revision to acknowledge. */
  reReview: { fromVersion: string; toVersion: string; flaggedAt: string } | null;
  /** Pending KEV review: the catalog that made CVEs of this case known exploited. */
  kevReview: { catalogVersion: string; flaggedAt: string; knownExploited: string[] } | null;
  /**
   * Set when the incident commander chose another station to hold this case (two stations had
   * opened it): it is kept here read-only, and worked at that station.
   */
  heldElsewhere: {
    stationId: string;
    stationName: string;
    reason: string | null;
    since: string;
  } | null;
  /** The sections of the current phase's checklist, in order. */
  phaseSections: ChecklistSectionId[];
  gate: GateView;
  /** Every sign-off given on this case, oldest first. */
  signoffs: CaseSignoffView[];
  /** The sign-offs the steps from here need, ready to sign. */
  signing: SigningRequest[];
  nextActions: CaseNextActions;
  history: CaseHistoryEntry[];
  /** The station this case was handed to: it is worked there now, and no longer changes here. */
  transferredTo: { stationId: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** A case of one device in an incident (one per advisory). */
export interface CaseOfDevice {
  caseId: number;
  advisoryId: number;
  trackingId: string;
  state: CaseState;
}

export interface CaseAssignResult {
  assignee: PersonRef | null;
  cases: CaseSummary[];
}

const caseId = id;
const answerScalar = z.union([z.boolean(), z.number().finite(), z.string().max(2000)]);
/** A saved answer: a scalar, rows of a list, or null to clear it. Bounded like every input. */
const answerValue = z.union([
  answerScalar,
  z.array(z.record(z.string().max(64), answerScalar)).max(50),
  z.null(),
]);
const isoDateTime = z.string().max(40);

export const caseMethods = {
  'cases.list': method<CasePage>()(
    z
      .object({
        incidentId: id.optional(),
        assigneeUserId: id.optional(),
        state: z.enum(caseStates).optional(),
        /** Cases assigned to the signed-in user ("My devices"). */
        mine: z.boolean().optional(),
        /** Only open cases (not returned to service). */
        openOnly: z.boolean().optional(),
        limit: limit.optional(),
        offset: offset.optional(),
      })
      .strict(),
    'Cases, filtered, ordered by incident then asset tag; flags and the gate verdict computed now.',
  ),
  'cases.findByAssetTag': method<CaseOfDevice[]>()(
    z.object({ incidentId: id, assetTag: z.string().trim().min(1).max(200) }).strict(),
    "The cases of one device in an incident, found by its asset tag, ordered by the advisory's tracking ID.",
  ),
  'cases.get': method<CaseDetail>()(
    z.object({ caseId }).strict(),
    'One case with everything the on-floor screen needs: device, advisory, checklist, gate, sign-offs, next action, history.',
  ),
  'cases.answer': method<CaseDetail>()(
    z
      .object({
        caseId,
        sectionId: z.enum(checklistSectionIds),
        itemId: z.string().min(1).max(64),
        value: answerValue,
      })
      .strict(),
    'Save one checklist answer as it is given (validated against its item; null clears it); audited.',
  ),
  'cases.transition': method<CaseDetail>()(
    z
      .object({
        caseId,
        target: z.enum(caseStates),
        reason: z.string().max(1000).optional(),
        recheckAt: isoDateTime.optional(),
      })
      .strict(),
    'Move a case to another state if the workflow allows it now; refused (conflict) with what is missing in details.missing.',
  ),
  'cases.quarantine': method<CaseDetail>()(
    z.object({ caseId, reason: z.string().trim().min(1).max(1000) }).strict(),
    'Suspected compromise: quarantine an open case, with what was seen.',
  ),
  'cases.assign': method<CaseAssignResult>()(
    z
      .object({
        caseIds: z.array(caseId).min(1).max(1000),
        /** null: unassign. */
        assigneeUserId: id.nullable(),
      })
      .strict(),
    'Assign one or many cases to a person (or unassign them); audited.',
  ),
  'cases.transfer': method<CaseDetail>()(
    z
      .object({
        caseId,
        /** The enrolled station that holds the case from now on. */
        stationId: z.string().uuid(),
        reason: z.string().trim().max(1000).optional(),
        /** The person's PIN or password: the transfer is signed (not needed by the operator). */
        signoff: z.object({ secret }).strict().optional(),
      })
      .strict(),
    'Hand a case held here to another station, which becomes its one writer when the bundle arrives; signed in the chain, audited.',
  ),
  'cases.acknowledgeRevision': method<CaseDetail>()(
    z
      .object({
        caseId,
        /** The revision reviewed: it must be the advisory's current one. */
        version: z.string().min(1).max(64),
        note: z.string().trim().max(1000).optional(),
      })
      .strict(),
    'Acknowledge a newer advisory revision on a flagged case: the case then relies on it.',
  ),
  'cases.addDevice': method<CaseDetail>()(
    z
      .object({
        incidentId: id,
        deviceId: id,
        advisoryId: id,
        reason: z.string().trim().min(1).max(1000),
      })
      .strict(),
    'Open a case by hand for a device and an advisory (no confirmed match needed); the advisory joins the incident.',
  ),
};
