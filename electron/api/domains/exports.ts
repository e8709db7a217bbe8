import { z } from 'zod';
import { method } from '../define';
import { languages } from '../languages';
import { id } from '../schemas';
import { maxVerifyBytes, type PdfVerifyReport } from './pdf-verify';

/**
 * Signed PDFs for the UI (issue 7): one device case, an incident report, a blank checklist, and
 * many device cases at once. Every PDF is signed with the organisation's identity; while the
 * signing key is locked every method here fails with `forbidden` and `details.signing: 'locked'`
 * ("The signing key is locked. Enter the signing passphrase …"): show the unlock dialog
 * (`signing.unlock`) and try again.
 *
 * Single documents come back as base64 for the UI to save where the user chooses (Electron's save
 * dialog in the main process; the services never see the chosen path). Many cases are written by
 * the services into one folder as a job the UI polls:
 *
 *   const { jobId, directory, total } = await call('exports.casePdfs', { caseIds });
 *   every ~500 ms: const p = await call('exports.progress', { jobId });
 *   progress bar = p.done / p.total; stop polling when p.state !== 'running';
 *   p.failures lists the cases that could not be exported (the others are written);
 *   'exports.cancel' stops after the PDF being written.
 */

export const incidentReportKinds = ['hics251', 'hics214', 'briefing', 'summary'] as const;
export type IncidentReportKind = (typeof incidentReportKinds)[number];

/** A signed PDF, ready to be saved. */
export interface ExportedPdf {
  /** A safe file name to propose in the save dialog: "case-NM-0001-ICSMA-17-215-02.pdf". */
  fileName: string;
  /** The PDF bytes, base64. */
  base64: string;
  bytes: number;
  /** SHA-256 of the signing certificate, to show "signed by …". */
  certificateFingerprintSha256: string;
}

/** A signed blank checklist, and which template version it is. */
export interface ExportedBlankPdf extends ExportedPdf {
  template: { id: string; version: number; title: string };
}

export type ExportJobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportJobStarted {
  jobId: string;
  /** The absolute folder the PDFs are written into (one file per case). */
  directory: string;
  total: number;
}

export interface ExportJobProgress {
  jobId: string;
  state: ExportJobState;
  directory: string;
  total: number;
  /** Cases handled so far, written or failed: the progress bar is done / total. */
  done: number;
  /** File names written into `directory`, in order. */
  files: string[];
  /** Cases that could not be exported, with why; the job goes on with the others. */
  failures: { caseId: number; message: string }[];
  /**
   * Why the whole job stopped: state 'failed' (e.g. the signing key was locked meanwhile), or
   * 'cancelled' by the app rather than a person (a restore replaced the database).
   */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** At most this many cases in one batch. */
export const maxBatchCases = 1000;

const jobId = z.string().regex(/^[0-9a-f]{32}$/, 'a job id as exports.casePdfs returned it');

export const exportMethods = {
  'exports.casePdf': method<ExportedPdf>()(
    z
      .object({
        caseId: id,
        /** The language of the PDF's fixed words: the station's; English when absent. */
        language: z.enum(languages).optional(),
      })
      .strict(),
    'The signed PDF of one device case (identity, advisory and revision, every answer and sign-off, gate, history).',
  ),
  'exports.incidentPdf': method<ExportedPdf>()(
    z
      .object({
        incidentId: id,
        report: z.enum(incidentReportKinds),
        /** The language of the PDF's fixed words: the station's; English when absent. */
        language: z.enum(languages).optional(),
      })
      .strict(),
    'A signed incident report: HICS 251, HICS 214, the incident briefing, or the summary of all cases.',
  ),
  'exports.blankPdf': method<ExportedBlankPdf>()(
    z
      .object({
        templateId: z.string().min(1).max(64),
        /** The latest version when absent. */
        version: z.number().int().positive().max(1_000_000).optional(),
        /** The language of the form's fixed words (the playbook's questions print as written). */
        language: z.enum(languages).optional(),
      })
      .strict(),
    'A signed blank printable checklist of a playbook template, for paper downtime.',
  ),
  'exports.verifyPdf': method<PdfVerifyReport>()(
    z
      .object({
        /** The file's name, for messages. */
        fileName: z.string().min(1).max(1000),
        /** The PDF's bytes, base64. */
        base64: z
          .string()
          .max(Math.ceil(maxVerifyBytes / 3) * 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, "the file's bytes in base64"),
      })
      .strict(),
    'Check a PDF: its signature, that the organisation signed it, its audit reference, and what it says against the database now.',
  ),
  'exports.casePdfs': method<ExportJobStarted>()(
    z
      .object({
        caseIds: z.array(id).min(1).max(maxBatchCases),
        /**
         * An absolute folder to write into (created if missing). When absent: a new folder under
         * `<data folder>/exports/`. Relative paths and paths with ".." are refused.
         */
        directory: z.string().min(1).max(1000).optional(),
        /** The language of the PDFs' fixed words: the station's; English when absent. */
        language: z.enum(languages).optional(),
      })
      .strict(),
    'Start writing one signed PDF per case into a folder; poll exports.progress for the progress bar.',
  ),
  'exports.progress': method<ExportJobProgress>()(
    z.object({ jobId }).strict(),
    'Where a batch export stands: done of total, files written, failures.',
  ),
  'exports.cancel': method<ExportJobProgress>()(
    z.object({ jobId }).strict(),
    'Stop a batch export after the PDF being written; the files written so far stay.',
  ),
};
