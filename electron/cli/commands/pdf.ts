import fs from 'node:fs';
import path from 'node:path';
import type { SigningStatus } from '../../api/domains/signing';
import { blankChecklistDocument, documentFacility } from '../../services/pdf/blank-checklist';
import { exportSignedPdf } from '../../services/pdf/sign';
import { readPdfFile, verifyPdf, type PdfVerifyReport } from '../../services/pdf/verify';
import { loadPlaybooks } from '../../services/playbooks/load';
import type { Dispatch } from '../../services/dispatcher';
import type { Runtime } from '../../services/runtime';
import { CliError, exitCodes, unwrap, type Output } from '../output';

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
  dispatch: Dispatch,
  passphraseFile: string | undefined,
): Promise<SigningStatus> {
  const status = unwrap(await dispatch('signing.status', {})) as SigningStatus;
  if (status.unlocked) return status;
  return unwrap(
    await dispatch('signing.unlock', { passphrase: readPassphrase(passphraseFile) }),
  ) as SigningStatus;
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

function describeContent(c: PdfVerifyReport['content']): string[] {
  if (!c) return [];
  if (!c.checked) return [`  content not compared with the database: ${c.reason ?? ''}`];
  if (c.matches) return ['  content matches the database'];
  const lines = [
    `  content differs from the database now in: ${c.changedSections.join(', ') || 'the record'}`,
  ];
  if (c.laterEvents.length > 0) {
    lines.push(
      `  the record changed since this PDF was made (${c.laterEvents.length} later change(s)):`,
      ...c.laterEvents.map((e) => `    #${e.id}${e.time ? ` ${e.time}` : ''} ${e.action}`),
    );
  }
  return lines;
}

/** `standalone verify-pdf FILE`: exit 0 valid, 1 invalid (naming why), 2 not a PDF or too large. */
export async function verifyPdfCommand(rt: Runtime, out: Output, args: string[]): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1)
    throw new CliError(
      'verify-pdf takes one file: standalone verify-pdf FILE',
      exitCodes.invalidInput,
    );
  const report = await verifyPdf(rt.services, readPdfFile(file));
  out.print(describeReport(file, report), { file, ...report });
  return report.valid ? exitCodes.ok : exitCodes.checkFailed;
}

export interface ExportBlankOptions {
  template: string | undefined;
  version: string | undefined;
  out: string | undefined;
  passphraseFile: string | undefined;
}

/** `standalone export blank --template ID [--version N] --out FILE.pdf`. */
export async function exportBlankCommand(
  rt: Runtime,
  dispatch: Dispatch,
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
  const library = loadPlaybooks(path.join(rt.services.resourcesDir, 'playbooks'));
  const template =
    version === undefined ? library.latest(o.template) : library.get(o.template, version);
  if (!template) {
    const known = library.templates.map((t) => `${t.id} (version ${t.version})`).join(', ');
    throw new CliError(
      `There is no playbook template "${o.template}"${version ? ` version ${version}` : ''}. Known: ${known || 'none'}.`,
      exitCodes.invalidInput,
    );
  }
  const status = await unlockSigning(dispatch, o.passphraseFile);
  const model = blankChecklistDocument(template, {
    ...documentFacility(rt.services),
    generatedAt: rt.services.clock.now(),
  });
  const pdf = await exportSignedPdf(rt.services, model);
  writeFileAtomically(o.out, pdf);
  const fingerprint = status.identity?.fingerprintSha256 ?? '';
  out.print(
    `Wrote ${o.out} (${pdf.length} bytes): blank checklist ${template.id} version ${template.version}, signed by ${status.identity?.subject ?? '?'} (SHA-256 ${fingerprint}).`,
    {
      file: o.out,
      bytes: pdf.length,
      template: template.id,
      version: template.version,
      fingerprintSha256: fingerprint,
    },
  );
  return exitCodes.ok;
}
