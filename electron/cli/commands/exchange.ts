import type { ApiClient } from '../../api/client';
import pdfWords from '../../api/i18n/pdf.en.json' with { type: 'json' };
import { CliError, exitCodes, type Output } from '../output';

const topics: Record<string, string> = pdfWords.pdf.activities.topics;
/** A sign-off's kind in English words ("verification (IT security)"). */
const signoffTopic = (kind: string) => topics[kind] ?? kind;

export async function exchangeExport(
  api: ApiClient,
  out: Output,
  outDir: string | undefined,
): Promise<number> {
  if (!outDir) throw new CliError('exchange export needs --out DIR.', exitCodes.invalidInput);
  const result = await api.value('exchange.export', { outDir });
  out.print(result.file, result);
  return exitCodes.ok;
}

/** Exit 0: every file applied or already here; 1: one was refused or is held; 2: one is not a bundle. */
export async function exchangeImport(
  api: ApiClient,
  out: Output,
  files: string[],
): Promise<number> {
  if (files.length === 0) {
    throw new CliError('exchange import needs at least one bundle file.', exitCodes.invalidInput);
  }
  const report = await api.value('exchange.import', { files });
  const lines = report.outcomes.map((o) => {
    const who = o.stationName ? ` from station "${o.stationName}"` : '';
    switch (o.status) {
      case 'applied':
        return `applied: ${o.file}${who}, ${o.applied} new events`;
      case 'already_had':
        return `already had: ${o.file}${who} (${o.reason ?? 'nothing new'})`;
      case 'held':
        return `HELD: ${o.file}${who}: ${o.reason ?? ''}`;
      case 'refused':
        return `REFUSED: ${o.file} at the ${o.step ?? ''} check: ${o.reason ?? ''}`;
      case 'not_a_bundle':
        return `NOT A BUNDLE: ${o.file}: ${o.reason ?? ''}`;
    }
  });
  // A case handed here that cannot be opened yet is named with what it waits for.
  for (const w of report.waitingCases) lines.push(`WAITING: ${w.reason}`);
  // A case opened here names the sign-offs that could not come with it.
  for (const r of report.receivedCases) {
    const what = r.handedBack ? 'handed back: reopened here' : 'opened here';
    lines.push(
      `RECEIVED: the case of ${r.assetTag} (${r.trackingId}) from station "${r.fromStationName}", ${what} as case ${r.caseId}`,
    );
    if (r.signoffsNotCarried.length > 0) {
      const names = r.signoffsNotCarried.map((s) => `${signoffTopic(s.kind)} by ${s.name}`);
      lines.push(
        `  SIGN-OFFS NOT CARRIED: ${names.join(', ')}: the signer has no account here (matched by staff ID), so the sign-off does not count here; someone here signs again`,
      );
    }
  }
  out.print(lines.join('\n'), report);
  const statuses = new Set(report.outcomes.map((o) => o.status));
  if (statuses.has('refused') || statuses.has('held')) return exitCodes.checkFailed;
  if (statuses.has('not_a_bundle')) return exitCodes.invalidInput;
  return exitCodes.ok;
}

/** Exit 0 when every station's chain kept here still ends at its verified head, else 1. */
export async function exchangeVerify(api: ApiClient, out: Output): Promise<number> {
  const report = await api.value('exchange.verify', {});
  const lines = report.stations.map((s) =>
    s.ok
      ? `ok: station "${s.name}" (${s.stationId}), ${s.events} events up to ${s.headId ?? 0}`
      : `BROKEN: station "${s.name}" (${s.stationId}): ${s.problem ?? ''}`,
  );
  out.print(lines.length ? lines.join('\n') : 'No other station has sent a bundle here.', report);
  return report.ok ? exitCodes.ok : exitCodes.checkFailed;
}
