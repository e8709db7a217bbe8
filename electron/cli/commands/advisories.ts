import path from 'node:path';
import type { AdvisoryImportResult, MatchPage } from '../../api/domains/advisories';
import { maxAdvisoryBytes } from '../../api/domains/advisories';
import type { ApiClient } from '../../api/client';
import { CliError, exitCodes, type Output } from '../output';
import { readTextFile } from './inventory';

/** Import each file on its own: one refused file does not stop the others (exit 2 if any was). */
export async function advisoryImport(
  api: ApiClient,
  out: Output,
  files: string[],
): Promise<number> {
  if (files.length === 0) {
    throw new CliError(
      'advisory import takes one or more CSAF files: standalone advisory import FILE...',
      exitCodes.invalidInput,
    );
  }
  const results: AdvisoryImportResult[] = [];
  for (const file of files) {
    const fileName = path.basename(file);
    let content: string;
    try {
      content = readTextFile(file, maxAdvisoryBytes, 'CSAF advisory');
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      results.push({
        fileName,
        outcome: 'refused',
        sha256: null,
        advisoryId: null,
        trackingId: null,
        version: null,
        previousVersion: null,
        messages: [error.message],
      });
      continue;
    }
    results.push(await api.value('advisories.import', { fileName, content }));
  }
  const line = (r: AdvisoryImportResult) => {
    const id = r.trackingId ? `${r.trackingId} revision ${r.version}` : '';
    switch (r.outcome) {
      case 'imported':
        return `${r.fileName}: imported ${id}`;
      case 'revised':
        return `${r.fileName}: ${id} replaces revision ${r.previousVersion} (history kept)`;
      case 'unchanged':
        return `${r.fileName}: ${id} is already stored, unchanged`;
      case 'refused':
        return `${r.fileName}: REFUSED\n${refusalLines(r).join('\n')}`;
    }
  };
  out.print(results.map(line).join('\n'), results);
  return results.some((r) => r.outcome === 'refused') ? exitCodes.invalidInput : exitCodes.ok;
}

/** Recompute the suggestions, then print every match. */
export async function match(api: ApiClient, out: Output): Promise<number> {
  const run = await api.value('matches.run', {});
  const matches: MatchPage['matches'] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await api.value('matches.list', { limit: 10_000, offset });
    matches.push(...page.matches);
    if (matches.length >= page.total || page.matches.length === 0) break;
  }
  const notMatched = await api.value('matches.explain', {});
  const matchRows = matches.map((m) => ({
    assetTag: m.assetTag,
    advisoryId: m.trackingId,
    advisoryVersion: m.advisoryVersion,
    publisher: m.publisher,
    productName: m.productName,
    confidence: m.confidence,
    status: m.status,
    reasons: m.reasons,
  }));
  // Why a device is not matched to an advisory naming products of its vendor, in words too.
  const machine = {
    matches: matchRows,
    notMatched: notMatched.map((n) => ({
      assetTag: n.assetTag,
      advisoryId: n.trackingId,
      reasons: n.reasons,
    })),
  };
  const human = [
    `${run.devices} devices against ${run.advisories} advisories: ${matches.length} matches ` +
      `(${run.byConfidence.high} high, ${run.byConfidence.medium} medium, ${run.byConfidence.low} low confidence).`,
    ...matches.map(
      (m) =>
        `${m.assetTag}  ${m.trackingId} rev ${m.advisoryVersion}  ${m.confidence}  ${m.status}\n` +
        `  ${m.productName}\n${m.reasons.map((r) => `    - ${r}`).join('\n')}`,
    ),
    ...(notMatched.length > 0
      ? [`Not matched, though the advisory names products of the device's vendor:`]
      : []),
    ...notMatched.map(
      (n) =>
        `${n.assetTag}  ${n.trackingId}  not matched\n${n.reasons.map((r) => `    - ${r}`).join('\n')}`,
    ),
  ].join('\n');
  out.print(human, machine);
  return exitCodes.ok;
}

/**
 * Each reason of a refused advisory, then, where the validator said more than the sentence
 * (its JSON path, its own words), that on a line of its own for IT.
 */
function refusalLines(r: AdvisoryImportResult): string[] {
  const problems = r.problems?.length === r.messages.length ? r.problems : undefined;
  return r.messages.flatMap((message, i) => {
    const technical = problems?.[i]?.technical;
    return technical ? [`  ${message}`, `    Details: ${technical}`] : [`  ${message}`];
  });
}
