import { z } from 'zod';
import { method } from '../define';
import type { ErrorWords } from '../error-words';
import { empty } from '../schemas';

/**
 * A pass over the shared exchange folder. A failed one carries its English sentence (`error`),
 * the errors catalogue's words for the reader's language, and the system's words for Details.
 */
export interface FolderPass {
  at: string;
  error: string | null;
  words?: ErrorWords;
  technical?: string;
}

export interface BundleExport {
  /** Absolute path of the bundle written. */
  file: string;
  stationId: string;
  stationName: string;
  /** The event the bundle's first event extends (0: the start of the chain). */
  fromId: number;
  /** The station's chain head the bundle carries. */
  headId: number;
  events: number;
  bytes: number;
}

/** Where an import stopped, in the order the checks run. */
export const importSteps = [
  'envelope',
  'certificate',
  'signature',
  'hash_chain',
  'extends',
  'content',
] as const;
export type ImportStep = (typeof importSteps)[number];

export interface BundleImportOutcome {
  file: string;
  /**
   * applied: its new events are stored; already_had: nothing in it was new; held: it starts
   * after a gap and waits for the missing bundle; refused: a check failed (step and reason);
   * not_a_bundle: the file is not a bundle at all.
   */
  status: 'applied' | 'already_had' | 'held' | 'refused' | 'not_a_bundle';
  stationId: string | null;
  stationName: string | null;
  /** Events newly applied from this file. */
  applied: number;
  step: ImportStep | null;
  /** The reason in English (the command line's words; the only words of older outcomes). */
  reason: string | null;
  /** The same reason as words of the errors catalogue, for the station's language. */
  words?: ErrorWords | null;
  /** What the system said (an exception's text), for Details; never part of the words. */
  technical?: string | null;
  /** On an applied bundle, each carried advisory not stored here, as catalogue words. */
  notStored?: ErrorWords[] | null;
}

export interface BundleImportReport {
  outcomes: BundleImportOutcome[];
  /** Cases handed to this station that wait for something here, after this import. */
  waitingCases: WaitingTransfer[];
  /** Cases handed to this station that this import opened or reopened here. */
  receivedCases: ReceivedCase[];
}

/**
 * A case another station handed to this one, opened here (or, handed back, reopened here), with
 * what could not come with it: sign-offs whose signer has no account here (matched by staff ID)
 * do not count here, so the people of this station sign those again.
 */
export interface ReceivedCase {
  /** The case here. */
  caseId: number;
  fromStationId: string;
  fromStationName: string;
  assetTag: string;
  trackingId: string;
  /** When this station opened it. */
  receivedAt: string;
  /** It was this station's own case, handed on and now handed back. */
  handedBack: boolean;
  signoffsNotCarried: { kind: string; name: string }[];
  /** The person it was assigned to there has no account here: it is unassigned here. */
  assigneeNotCarried: boolean;
}

/**
 * What a case handed to this station waits for before it can be opened here: the device or the
 * advisory it is about, an open incident working the advisory, or the commander's choice between
 * it and a case this station already works for the same device and advisory.
 */
export type WaitingTransferReason = 'device' | 'advisory' | 'incident' | 'own_case';

export interface WaitingTransfer {
  fromStationId: string;
  fromStationName: string;
  /** The case's ID at the station that handed it over. */
  caseId: number;
  assetTag: string;
  trackingId: string;
  reasonCode: WaitingTransferReason;
  /** In English words, naming the case, the station and what is missing. */
  reason: string;
}

const localPath = z.string().trim().min(1).max(4096);

export const exchangeMethods = {
  'exchange.export': method<BundleExport>()(
    z.object({ outDir: localPath }).strict(),
    'Write a bundle into a folder: this station’s audit events the others have not acknowledged, its chain head and certificate, in a CMS SignedData envelope.',
  ),
  'exchange.import': method<BundleImportReport>()(
    z.object({ files: z.array(localPath).min(1).max(1000) }).strict(),
    'Verify bundles (certificate, signature, hash chain, extension of the last head received) and apply each all or nothing; an out-of-order bundle is held with the gap named.',
  ),
  'exchange.verify': method<ExchangeVerifyReport>()(
    empty,
    'Re-verify every other station’s chain kept here against the last head received from it, naming any station whose history no longer extends it.',
  ),
  'exchange.status': method<ExchangeStatus>()(
    empty,
    'The exchange at this station: the shared folder, its inbox and outbox, held and refused bundles with their reasons, and how far each station has exchanged with this one.',
  ),
  'exchange.setFolder': method<ExchangeStatus>()(
    z.object({ folder: localPath.nullable() }).strict(),
    'Point this station at a shared folder (a USB stick, a mounted share), or stop (null): its bundle is written there after changes and new bundles found there are imported.',
  ),
  'exchange.syncFolder': method<ExchangeStatus>()(
    empty,
    'Exchange through the shared folder now: import the new bundles found there, and write this station’s bundle if anything changed since the last one.',
  ),
};

/** A bundle file of the shared folder, and what happened when this station last read it. */
export interface FolderBundle {
  fileName: string;
  bytes: number;
  modifiedAt: string;
  /** null until this station has read it (it is read at the next pass). */
  outcome: BundleImportOutcome | null;
  readAt: string | null;
}

/** This station's own bundle in the shared folder. */
export interface OutboxBundle {
  fileName: string;
  bytes: number;
  writtenAt: string;
  /** Events of this station's chain it carries: fromId + 1 to headId. */
  fromId: number;
  headId: number;
}

/** How far this station and another have exchanged. */
export interface StationExchange {
  stationId: string;
  name: string;
  revoked: boolean;
  /** When a bundle from it with something new was last applied here. */
  lastHeardFrom: string | null;
  /** The last event of its chain received here. */
  receivedUpTo: number | null;
  /** The last event of this station's chain it has acknowledged (null: none yet). */
  acknowledgedUpTo: number | null;
}

/** One station's copy of an advisory revision: where it is and which document it is. */
export interface AdvisoryCopy {
  /** null for this station when it has no station identity yet. */
  stationId: string | null;
  stationName: string | null;
  /** The file it was imported from there. */
  fileName: string;
  /** The first 12 hex digits of the document's canonical SHA-256 (formatting does not count). */
  digest: string;
}

/**
 * An advisory revision (tracking ID and version) that another station holds as a different
 * document than the one stored here (a re-published or edited file). Each station keeps its
 * own; the commander decides which is authoritative.
 */
export interface AdvisoryConflict {
  trackingId: string;
  version: string;
  /** The title of the revision stored here. */
  title: string;
  here: AdvisoryCopy;
  /** The stations whose copy differs from the one here, by name. */
  elsewhere: AdvisoryCopy[];
}

export interface ExchangeStatus {
  /** The shared folder, or null when this station exchanges only by hand. */
  folder: string | null;
  /** Whether this station may exchange: it has a station identity and a certificate. */
  enrolled: boolean;
  /** The last event of this station's own chain. */
  ownHead: number;
  outbox: OutboxBundle[];
  /** Other stations' bundles found in the folder, newest first. */
  inbox: FolderBundle[];
  /** Bundles waiting for an earlier one (kept in the data folder), with the gap named. */
  held: BundleImportOutcome[];
  /** Bundles refused at their last reading, with the check that failed and why. */
  refused: BundleImportOutcome[];
  /** Cases handed to this station that wait for something here, with what. */
  waitingCases: WaitingTransfer[];
  /** Cases received here whose sign-offs given there do not all count here, newest first. */
  signoffsNotCarried: ReceivedCase[];
  stations: StationExchange[];
  /** Advisory revisions received from other stations that differ from the ones stored here. */
  advisoryConflicts: AdvisoryConflict[];
  /** The last pass over the folder: when, and what went wrong if it failed (null: none yet). */
  lastPass: FolderPass | null;
}

/** One station's chain as kept here, checked again against the last head received from it. */
export interface StationChainCheck {
  stationId: string;
  name: string;
  ok: boolean;
  events: number;
  headId: number | null;
  /** The first event that does not fit, and why; null when the chain is whole. */
  problem: string | null;
}

export interface ExchangeVerifyReport {
  ok: boolean;
  stations: StationChainCheck[];
}
