import type { ExportedPdf } from '../../api/domains/exports';
import { incidentReportKinds } from '../../api/domains/exports';
import type { ApiClient } from '../../api/client';
import { CliError, exitCodes, type Output } from '../output';
import { pdfLanguage, unlockSigning, writeFileAtomically } from './pdf';

/** `export case` and `export incident`: signed PDFs through the same API the app uses. */

function positiveId(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !(Number.isSafeInteger(n) && n > 0)) {
    throw new CliError(
      `${flag} must be a positive whole number${value === undefined ? '' : `; "${value}" is not`}.`,
      exitCodes.invalidInput,
    );
  }
  return n;
}

function written(out: Output, file: string, what: string, pdf: ExportedPdf, extra: object): number {
  const bytes = Buffer.from(pdf.base64, 'base64');
  writeFileAtomically(file, bytes);
  out.print(
    `Wrote ${file} (${bytes.length} bytes): ${what}, signed (certificate SHA-256 ${pdf.certificateFingerprintSha256}).`,
    { file, bytes: bytes.length, fingerprintSha256: pdf.certificateFingerprintSha256, ...extra },
  );
  return exitCodes.ok;
}

export interface ExportCaseOptions {
  assetTag: string | undefined;
  incident: string | undefined;
  advisory: string | undefined;
  out: string | undefined;
  passphraseFile: string | undefined;
  lang: string | undefined;
}

/**
 * `standalone export case --asset-tag TAG --incident ID [--advisory TRACKING-ID] --out FILE.pdf
 * [--lang en|de]`.
 */
export async function exportCaseCommand(
  api: ApiClient,
  out: Output,
  o: ExportCaseOptions,
): Promise<number> {
  if (!o.assetTag || !o.incident || !o.out) {
    throw new CliError(
      'export case needs --asset-tag TAG, --incident ID and --out FILE.pdf',
      exitCodes.invalidInput,
    );
  }
  const incidentId = positiveId('--incident', o.incident);
  const language = pdfLanguage(o.lang);
  const all = await api.value('cases.findByAssetTag', { incidentId, assetTag: o.assetTag });
  const cases = o.advisory ? all.filter((c) => c.trackingId === o.advisory) : all;
  if (cases.length !== 1) {
    const listed = all.map((c) => c.trackingId).join(', ');
    throw new CliError(
      cases.length === 0
        ? `There is no case for ${o.assetTag}${o.advisory ? ` and ${o.advisory}` : ''} in incident ${incidentId}${listed ? ` (its cases: ${listed})` : ''}. "standalone case list --incident ${incidentId}" lists them.`
        : `${o.assetTag} has ${cases.length} cases in incident ${incidentId} (${listed}): choose one with --advisory TRACKING-ID.`,
      exitCodes.invalidInput,
    );
  }
  const [only] = cases;
  if (!only) throw new CliError('no case', exitCodes.invalidInput);
  await unlockSigning(api, o.passphraseFile);
  const pdf = await api.value('exports.casePdf', { caseId: only.caseId, ...language });
  return written(
    out,
    o.out,
    `device case ${o.assetTag} (${only.trackingId}, case ${only.caseId})`,
    pdf,
    {
      caseId: only.caseId,
      assetTag: o.assetTag,
      trackingId: only.trackingId,
    },
  );
}

export interface ExportIncidentOptions {
  incident: string | undefined;
  report: string | undefined;
  out: string | undefined;
  passphraseFile: string | undefined;
  lang: string | undefined;
}

/**
 * `standalone export incident --incident ID --report hics251|hics214|briefing|summary
 * --out FILE.pdf [--lang en|de]`.
 */
export async function exportIncidentCommand(
  api: ApiClient,
  out: Output,
  o: ExportIncidentOptions,
): Promise<number> {
  if (!o.incident || !o.report || !o.out) {
    throw new CliError(
      `export incident needs --incident ID, --report ${incidentReportKinds.join('|')} and --out FILE.pdf`,
      exitCodes.invalidInput,
    );
  }
  const incidentId = positiveId('--incident', o.incident);
  const report = incidentReportKinds.find((k) => k === o.report);
  if (!report) {
    throw new CliError(
      `--report must be one of ${incidentReportKinds.join(', ')}; "${o.report}" is not.`,
      exitCodes.invalidInput,
    );
  }
  const language = pdfLanguage(o.lang);
  await unlockSigning(api, o.passphraseFile);
  const pdf = await api.value('exports.incidentPdf', { incidentId, report, ...language });
  return written(out, o.out, `${report} report of incident ${incidentId}`, pdf, {
    incidentId,
    report,
  });
}
