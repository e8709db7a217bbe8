import fs from 'node:fs';
import path from 'node:path';
import type { StationStatus } from '../../api/domains/stations';
import type { ApiClient } from '../../api/client';
import { CliError, exitCodes, type Output } from '../output';
import { unlockSigning, writeFileAtomically } from './pdf';

function requireOut(out: string | undefined, command: string): string {
  if (!out) throw new CliError(`${command} needs --out FILE.`, exitCodes.invalidInput);
  return out;
}

function readTextFile(file: string | undefined, what: string, command: string): string {
  if (!file) throw new CliError(`${command} needs the ${what} file.`, exitCodes.invalidInput);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `The ${what} file ${file} cannot be read (${(error as Error).message}).`,
      exitCodes.invalidInput,
    );
  }
}

function describeStatus(s: StationStatus): string {
  return [
    `station "${s.name}" (${s.stationId})`,
    `key fingerprint ${s.keyFingerprint}`,
    `  read aloud: ${s.keyFingerprintSpoken}`,
    s.enrolled ? 'enrolled' : 'not enrolled yet: write a request with `station request --out FILE`',
  ].join('\n');
}

export async function stationInit(
  api: ApiClient,
  out: Output,
  name: string | undefined,
): Promise<number> {
  if (!name) throw new CliError('station init needs --name NAME.', exitCodes.invalidInput);
  const status = await api.value('stations.init', { name });
  out.print(describeStatus(status), status);
  return exitCodes.ok;
}

export async function stationRequest(
  api: ApiClient,
  out: Output,
  file: string | undefined,
): Promise<number> {
  const target = requireOut(file, 'station request');
  const request = await api.value('stations.request', {});
  const status = await api.value('stations.status', {});
  writeFileAtomically(target, Buffer.from(request.content, 'utf8'));
  const written = path.resolve(target);
  out.print(
    `${written}\nTake it to the station holding the organisation identity; compare this ` +
      `fingerprint there:\n  ${status.keyFingerprintSpoken}  (${status.keyFingerprint})`,
    {
      file: written,
      stationId: status.stationId,
      name: status.name,
      keyFingerprint: status.keyFingerprint,
    },
  );
  return exitCodes.ok;
}

export async function stationEnrol(
  api: ApiClient,
  out: Output,
  flags: { args: string[]; out: string | undefined; passphraseFile: string | undefined },
): Promise<number> {
  const request = readTextFile(flags.args[0], 'enrolment request', 'station enrol');
  const target = requireOut(flags.out, 'station enrol');
  // Checked before the key is unlocked: a changed request stops here.
  await api.value('stations.reviewRequest', { request });
  await unlockSigning(api, flags.passphraseFile);
  const result = await api.value('stations.enrol', { request });
  writeFileAtomically(target, Buffer.from(result.response.content, 'utf8'));
  const written = path.resolve(target);
  out.print(
    [
      `enrolled station "${result.name}" (${result.stationId})`,
      `key fingerprint ${result.keyFingerprint}`,
      `  read aloud: ${result.keyFingerprintSpoken}  -- it must match what the station shows`,
      `response written to ${written}`,
    ].join('\n'),
    { ...result, response: undefined, file: written },
  );
  return exitCodes.ok;
}

export async function stationAccept(api: ApiClient, out: Output, args: string[]): Promise<number> {
  const response = readTextFile(args[0], 'enrolment response', 'station accept');
  const result = await api.value('stations.accept', { response });
  out.print(
    `station "${result.name}" is enrolled (certificate valid until ${result.certificateNotAfter});\n` +
      `station authority ${result.authorityFingerprint}`,
    result,
  );
  return exitCodes.ok;
}

export async function stationList(api: ApiClient, out: Output): Promise<number> {
  const stations = await api.value('stations.list', {});
  const lines = stations.map(
    (s) =>
      `${s.stationId}  ${s.name}${s.self ? ' (this station)' : ''}  ` +
      `${s.revoked ? `REVOKED ${s.revokedAt ?? ''}` : s.enrolled ? 'enrolled' : 'not enrolled'}  ` +
      `last heard from ${s.self ? '-' : (s.lastHeardFrom ?? 'never')}`,
  );
  out.print(lines.length ? lines.join('\n') : 'No stations known here.', stations);
  return exitCodes.ok;
}

export async function stationRevoke(
  api: ApiClient,
  out: Output,
  flags: { args: string[]; passphraseFile: string | undefined },
): Promise<number> {
  const stationId = flags.args[0];
  if (!stationId)
    throw new CliError('station revoke needs the station ID.', exitCodes.invalidInput);
  await unlockSigning(api, flags.passphraseFile);
  const view = await api.value('stations.revoke', { stationId });
  out.print(
    `station "${view.name}" (${view.stationId}) revoked at ${view.revokedAt ?? ''}; the ` +
      'revocation travels in this station’s next bundle.',
    view,
  );
  return exitCodes.ok;
}

/** The command post's own certificate, issued again with the command-post mark. */
export async function stationRenew(
  api: ApiClient,
  out: Output,
  flags: { passphraseFile: string | undefined },
): Promise<number> {
  // A station that does not hold the organisation identity is told so, not asked for its key.
  const here = await api.value('stations.status', {});
  if (here.holdsOrganisationIdentity) await unlockSigning(api, flags.passphraseFile);
  const status = await api.value('stations.renewCommandPost', {});
  out.print(
    `station "${status.name ?? ''}" has a new certificate marked as the command post; the other ` +
      'stations accept its requests and conflict choices from its next bundle.',
    status,
  );
  return exitCodes.ok;
}

export async function stationAuthority(
  api: ApiClient,
  out: Output,
  file: string | undefined,
): Promise<number> {
  const target = requireOut(file, 'station authority');
  const cert = await api.value('stations.authorityCertificate', {});
  writeFileAtomically(target, Buffer.from(cert.pem, 'utf8'));
  const written = path.resolve(target);
  out.print(`${written}\nSHA-256 ${cert.fingerprintSha256}`, {
    file: written,
    fingerprintSha256: cert.fingerprintSha256,
  });
  return exitCodes.ok;
}

/** `case transfer CASE-ID STATION`: hand a case held here to another station, by its ID or name. */
export async function caseTransfer(api: ApiClient, out: Output, args: string[]): Promise<number> {
  const [caseText, station] = args;
  const caseId = Number(caseText);
  if (!station || args.length !== 2 || !Number.isSafeInteger(caseId) || caseId <= 0) {
    throw new CliError(
      'case transfer needs the case ID and the station (its ID or name): ' +
        'standalone case transfer 12 "Biomed workstation"',
      exitCodes.invalidInput,
    );
  }
  const known = await api.value('stations.list', {});
  const target = known.find((s) => s.stationId === station || s.name === station);
  if (!target) {
    throw new CliError(
      `No station "${station}" is known here; "standalone station list" lists them.`,
      exitCodes.invalidInput,
    );
  }
  const detail = await api.value('cases.transfer', { caseId, stationId: target.stationId });
  out.print(
    `case ${caseId} (${detail.device.assetTag}) handed to station "${target.name}"; the ` +
      'transfer travels in this station’s next bundle.',
    { caseId, assetTag: detail.device.assetTag, stationId: target.stationId, name: target.name },
  );
  return exitCodes.ok;
}
