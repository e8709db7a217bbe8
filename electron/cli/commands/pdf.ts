import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../../api/client';
import { languages, type Language } from '../../api/languages';
import { maxVerifyBytes, type PdfVerifyReport } from '../../api/domains/pdf-verify';
import type { SigningStatus } from '../../api/domains/signing';
import { CliError, exitCodes, type Output } from '../output';

/** Where the CLI may take the signing passphrase from: never the command line (ps shows it). */
export const passphraseEnv = 'STANDALONE_SIGNING_PASSPHRASE';

function readPassphrase(file: string | undefined): string {
  if (file !== undefined) {
    try {
      // One trailing line break is the file's, not the passphrase's.
      return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new CliError(
        `The passphrase file ${file} cannot be read (${(error as Error).message}).`,
        exitCodes.invalidInput,
      );
    }
  }
  const fromEnv = process.env[passphraseEnv];
  if (fromEnv) return fromEnv;
  throw new CliError(
    `Signing needs the organisation's signing passphrase: pass --passphrase-file FILE or set ${passphraseEnv}.`,
    exitCodes.invalidInput,
  );
}

/** Unlock the signing key for this CLI process (every export command signs). */
export async function unlockSigning(
  api: ApiClient,
  passphraseFile: string | undefined,
): Promise<SigningStatus> {
  const status = await api.value('signing.status', {});
  if (status.unlocked) return status;
  return await api.value('signing.unlock', { passphrase: readPassphrase(passphraseFile) });
}

/**
 * `--lang en|de`: the language of an exported PDF's fixed words (headings, states, the footer);
 * the record itself prints as it was written. Absent: the API's default, English.
 */
export function pdfLanguage(value: string | undefined): { language?: Language } {
  if (value === undefined) return {};
  const language = languages.find((l) => l === value);
  if (!language) {
    throw new CliError(
      `--lang must be one of ${languages.join(', ')}; "${value}" is not.`,
      exitCodes.invalidInput,
    );
  }
  return { language };
}

/** Write next to the target and rename: an interrupted export never leaves half a PDF. */
export function writeFileAtomically(file: string, bytes: Buffer): void {
  const target = path.resolve(file);
  const temp = `${target}.${process.pid}.partial`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new CliError(
      `The file ${file} cannot be written (${(error as Error).message}).`,
      exitCodes.invalidInput,
    );
  }
}

function describeReport(file: string, r: PdfVerifyReport): string {
  const lines = [`${r.valid ? 'VALID' : 'INVALID'}: ${file}`];
  for (const p of r.problems) lines.push(`  ✗ ${p.message} [${p.code}]`);
  const s = r.signature;
  if (s.signer) {
    const who = {
      current: 'current signing identity',
      previous: 'an earlier signing identity',
      unknown: 'NOT an identity of this organisation',
    }[s.identity];
    lines.push(
      `  signed by ${s.signer.subject} (${who})`,
      `  certificate SHA-256 ${s.signer.fingerprintSha256}`,
    );
  }
  if (s.signingTime)
    lines.push(
      `  signed at ${s.signingTime}${s.location ? `, ${s.location}` : ''}${s.reason ? ` — ${s.reason}` : ''}`,
    );
  if (s.byteRange) {
    lines.push(
      `  ${s.subFilter ?? 'signature'}, SHA-256, ${s.wholeDocument ? 'whole document signed' : 'NOT the whole document'}; digest ${s.digestMatches ? 'matches' : 'DOES NOT match'}; signature ${s.signatureValid ? 'verifies' : 'DOES NOT verify'}`,
    );
  }
  if (r.document) {
    const subjects = r.document.subjects.map((x) => `${x.entityType} ${x.entityId}`).join(', ');
    lines.push(
      `  document: ${r.document.kind} "${r.document.title}" (${subjects}), generated ${r.document.generatedAt}`,
    );
  }
  if (r.audit) {
    lines.push(
      `  audit reference #${r.audit.eventId} ${r.audit.found && r.audit.hashMatches ? 'found' : 'NOT found'}; chain ${r.audit.chainVerifiesToReference ? 'verifies up to it' : 'BROKEN before it'}` +
        (r.audit.laterEventsForSubject
          ? `; ${r.audit.laterEventsForSubject} later change(s) to the record since this PDF`
          : ''),
    );
  } else if (r.document) {
    lines.push('  no audit reference (a blank form)');
  }
  lines.push(...describeContent(r.content));
  return lines.join('\n');
}

/** The content check's lines of `verify-pdf`'s report. */
export function describeContent(c: PdfVerifyReport['content']): string[] {
  if (!c) return [];
  if (!c.checked) return [`  content not compared with the database: ${c.reason ?? ''}`];
  const asOf = `the database as of audit event #${c.asOfEventId ?? '?'}`;
  const lines = c.matches
    ? [`  content matches ${asOf}`]
    : [`  content differs from ${asOf} in: ${c.changedSections.join(', ') || 'the record'}`];
  if (c.wordedBy) {
    lines.push(
      `  worded by another version of the app (the PDF names Standalone ${c.wordedBy.version}): the record's values are the same; the words differ from this version's in: ${c.wordedBy.sections.join(', ') || 'no section'}`,
    );
  }
  if (c.alteredSections.length > 0) {
    lines.push(
      `  the tables differ from the audit trail for this record in: ${c.alteredSections.join(', ')} (run "standalone audit verify")`,
    );
  }
  if (c.laterEvents.length > 0) {
    lines.push(
      `  the record changed since this PDF was made (${c.laterEvents.length} later change(s)):`,
      ...c.laterEvents.map((e) => `    #${e.id}${e.time ? ` ${e.time}` : ''} ${e.action}`),
    );
  }
  return lines;
}

/** The file's bytes, refused (exit 2) when it cannot be read or is larger than verify-pdf reads. */
function readPdfFile(file: string): Buffer {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new CliError(
      `The file ${file} does not exist or cannot be read.`,
      exitCodes.invalidInput,
    );
  }
  if (size > maxVerifyBytes) {
    throw new CliError(
      `The file ${file} is ${Math.round(size / 1048576)} MB; verify-pdf reads files up to ${maxVerifyBytes / 1048576} MB.`,
      exitCodes.invalidInput,
    );
  }
  return fs.readFileSync(file);
}

/** `standalone verify-pdf FILE`: exit 0 valid, 1 invalid (naming why), 2 not a PDF or too large. */
export async function verifyPdfCommand(
  api: ApiClient,
  out: Output,
  args: string[],
): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1)
    throw new CliError(
      'verify-pdf takes one file: standalone verify-pdf FILE',
      exitCodes.invalidInput,
    );
  const base64 = readPdfFile(file).toString('base64');
  const report = await api.value('exports.verifyPdf', { fileName: file, base64 });
  out.print(describeReport(file, report), { file, ...report });
  return report.valid ? exitCodes.ok : exitCodes.checkFailed;
}

export interface ExportBlankOptions {
  template: string | undefined;
  version: string | undefined;
  out: string | undefined;
  passphraseFile: string | undefined;
  lang: string | undefined;
}

/** `standalone export blank --template ID [--version N] --out FILE.pdf [--lang en|de]`. */
export async function exportBlankCommand(
  api: ApiClient,
  out: Output,
  o: ExportBlankOptions,
): Promise<number> {
  if (!o.template || !o.out) {
    throw new CliError(
      'export blank needs --template ID and --out FILE.pdf',
      exitCodes.invalidInput,
    );
  }
  const version = o.version === undefined ? undefined : Number(o.version);
  if (version !== undefined && !(Number.isInteger(version) && version > 0)) {
    throw new CliError(
      `--version must be a whole number; "${o.version}" is not.`,
      exitCodes.invalidInput,
    );
  }
  const language = pdfLanguage(o.lang);
  const status = await unlockSigning(api, o.passphraseFile);
  const blank = await api.value('exports.blankPdf', {
    templateId: o.template,
    ...(version === undefined ? {} : { version }),
    ...language,
  });
  const pdf = Buffer.from(blank.base64, 'base64');
  writeFileAtomically(o.out, pdf);
  const fingerprint = blank.certificateFingerprintSha256;
  out.print(
    `Wrote ${o.out} (${pdf.length} bytes): blank checklist ${blank.template.id} version ${blank.template.version}, signed by ${status.identity?.subject ?? '?'} (SHA-256 ${fingerprint}).`,
    {
      file: o.out,
      bytes: pdf.length,
      template: blank.template.id,
      version: blank.template.version,
      fingerprintSha256: fingerprint,
    },
  );
  return exitCodes.ok;
}
