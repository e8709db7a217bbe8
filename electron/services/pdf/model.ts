import type { Language } from '../../api/languages';

/**
 * The document model the exporters fill (device case, incident reports, blank checklists) and the
 * renderer lays out. Plain data: no PDF concepts leak out of this file. Times are either a Date
 * (printed in the document's time zone) or a string printed as given.
 */
export type PdfTime = Date | string;

export type TextStyle = 'regular' | 'bold' | 'muted' | 'small';
export type Tone = 'ok' | 'warn' | 'bad';

/** One paragraph inside a table cell; cells stack their parts top to bottom. */
export type CellPart =
  | { text: string; style?: TextStyle; tone?: Tone }
  /** Boxes to tick by hand, e.g. ["Yes", "No", "N/A"] (one unlabelled box when empty). */
  | { boxes: string[] }
  /** A labelled line to write on by hand, e.g. "By" or "Time". */
  | { writeIn: string };

export type TableCell = string | CellPart[];

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the page width in proportion. */
  weight: number;
}

export interface ChecklistEntry {
  item: string;
  /** The answer as the reader should see it; empty when not answered yet. */
  answer: string;
  by?: string;
  at?: PdfTime;
  note?: string;
  tone?: Tone;
}

export interface SignOffEntry {
  name: string;
  role: string;
  time: PdfTime;
  /** The sentence the signer attested, as it read when they signed. */
  statement: string;
  /** `earlier_round`: given before the case went round again (quarantine, restore, a step back). */
  status: 'valid' | 'stale' | 'earlier_round';
}

export type PdfBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | { kind: 'paragraph'; text: string; style?: TextStyle; tone?: Tone }
  | { kind: 'keyValue'; rows: { key: string; value: string; tone?: Tone }[] }
  | { kind: 'table'; columns: TableColumn[]; rows: TableCell[][] }
  | { kind: 'checklist'; title?: string; entries: ChecklistEntry[] }
  | { kind: 'signOffs'; entries: SignOffEntry[] }
  /** Blank forms: items to tick, each with boxes and who/when lines to fill by hand. */
  | {
      kind: 'checkboxes';
      items: {
        label: string;
        hint?: string;
        /** Boxes to tick, e.g. ["Yes", "No"]; one unlabelled box when absent. */
        options?: string[];
        /** Instead of boxes: what to fill in, e.g. `[{ writeIn: 'Count' }]`. */
        answer?: CellPart[];
      }[];
      /** Add "By" and "Time" lines to each item (default true). */
      whoWhen?: boolean;
    }
  /** Blank forms: ruled lines for a free-text answer. */
  | { kind: 'answerLines'; label: string; lines: number }
  /** Blank forms: labelled fields in a row, e.g. Name · Role · Signature · Date. */
  | { kind: 'handFields'; fields: { label: string; weight?: number }[] };

/** What identifies the document's subject, in the audit trail's terms. */
export interface PdfSubject {
  entityType: string;
  entityId: string;
}

/** The last audit event of the subject when the document was made: ties the PDF to the trail. */
export interface AuditReference {
  eventId: number;
  hash: string;
}

export interface PdfDocumentModel {
  /** Machine-readable kind, e.g. 'case', 'incident.hics251', 'checklist.blank'. */
  kind: string;
  title: string;
  subtitle?: string;
  facility: string;
  generatedAt: Date;
  /** IANA zone for printed times (the facility's); UTC when absent or unknown. */
  timeZone?: string;
  /** The language of the fixed words (the station's choice); English when absent. */
  language?: Language;
  /** The language of the playbook's questions; the template's own (English) when absent. */
  playbookLanguage?: Language;
  subjects: PdfSubject[];
  auditReference: AuditReference | null;
  blocks: PdfBlock[];
  /** Why the organisation signs this document (the signature's /Reason). */
  signatureReason: string;
  /**
   * The same document built from the same record with catalogue keys in place of the fixed words
   * (words.ts `keyWords`) and the playbook as recorded: what it says whatever its wording. Its
   * hash travels beside the words' hash, so a later version's rewording is told from an altered
   * record. Absent in documents verify-pdf does not rebuild.
   */
  values?: PdfDocumentModel;
}
