import type { GateWords } from '../gate-words';
import type { ErrorWords } from '../error-words';
import type { MissingWords } from '../missing-words';
// Type-only cycle with cases.ts (erased at build): the case embeds these views, which name its
// sections and verdicts.
import type { ChecklistSectionId, GateVerdict } from './cases';

/** What a case page shows of its checklist and its patient-safety gate (part of `CaseDetail`). */

/** Any JSON value: what a sign-off's content is made of (`signoffs.sign` takes it back as is). */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type AnswerScalar = boolean | string | number;
export type AnswerValue = AnswerScalar | Record<string, AnswerScalar>[];

export interface CaseAnswer {
  value: AnswerValue;
  /** `station`: where it was answered, when that is another station (a case handed on). */
  by: { userId: number | null; name: string | null; role: string; station?: string };
  at: string;
}

export interface ChecklistComparison {
  item?: string;
  equals?: AnswerScalar;
  oneOf?: AnswerScalar[];
  atLeast?: number;
}

/** A field of a list row (an injected patient, a booked study). */
export interface ChecklistField {
  id: string;
  label: string;
  help?: string;
  type: 'yes_no' | 'choice' | 'number' | 'count' | 'datetime';
  required: boolean;
  showWhen?: ChecklistComparison;
  passWhen?: ChecklistComparison;
  options?: { value: string; label: string }[];
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  /** 'past': a record of something done cannot be later than now. */
  timing?: 'past' | 'any';
  /**
   * What the form offers before anything is typed: this moment, or the signed-in user's name.
   * Saved with the answer that shows the item ("Configuration backup taken: yes" → by me, now).
   */
  prefill?: 'now' | 'signed_in_user';
}

export interface ChecklistItem extends Omit<ChecklistField, 'type'> {
  type: ChecklistField['type'] | 'text' | 'list';
  maxLength?: number;
  rowLabel?: string;
  minRows?: number;
  maxRows?: number;
  fields?: ChecklistField[];
  equalsItem?: string;
  notBefore?: string;
  notAfter?: string;
  /** The saved answer, with who gave it and when; null when unanswered. */
  answer: CaseAnswer | null;
}

export interface SectionStatusView {
  /** Every visible required item answered, no answer invalid. */
  complete: boolean;
  /** Complete, and every check passes. */
  done: boolean;
  answered: number;
  visible: number;
  problems: {
    itemId: string;
    label: string;
    kind: 'unanswered' | 'invalid' | 'unmet';
    message: string;
    /** The message as words of the errors catalogue, worded in the reader's language. */
    words?: ErrorWords;
  }[];
}

export interface ChecklistSection {
  id: ChecklistSectionId;
  title: string;
  help?: string;
  /** Only the items shown for the current answers. */
  items: ChecklistItem[];
  status: SectionStatusView;
  /** Part of the current phase's checklist (see `phaseSections`). */
  inPhase: boolean;
  /**
   * Done, but recorded before the case entered its state, and the next step needs it done again
   * (the backup before a patch): the items to record again.
   */
  redo: string[] | null;
}

/** One injection's decay at a moment: what the gate weighs for a waiting patient. */
export interface DecayFigures {
  radionuclide: string;
  halfLifeMinutes: number;
  imagingWindowMinutes: number;
  elapsedMinutes: number;
  halfLivesElapsed: number;
  remainingFraction: number;
  minutesLeftInWindow: number;
  windowPassed: boolean;
}

export interface WaitingPatientView extends DecayFigures {
  /** The row as entered (1 = first), so the screen can point at it. */
  row: number;
  injectedAt: string;
}

export interface GateView {
  verdict: GateVerdict;
  /** Why the device cannot be disconnected now, in the order to act on them. */
  reasons: string[];
  /** The same as catalogue words (electron/api/gate-words.ts), for the station's language. */
  reasonWords: GateWords[];
  /** Worth knowing, not blocking. */
  notes: string[];
  noteWords: GateWords[];
  /** What is still unanswered. */
  missing: string[];
  /** The same as catalogue words (api/missing-words.ts), for the station's language. */
  missingWords: MissingWords[];
  /** Injected patients in "image or divert first" order. */
  patients: WaitingPatientView[];
}
