import path from 'node:path';
import { maxEpssBytes, maxKevBytes } from '../../api/domains/threats';
import type { ApiClient } from '../../api/client';
import { CliError, exitCodes, type Output } from '../output';
import { readTextFile } from './inventory';

function oneFile(files: string[], command: string): string {
  const [file] = files;
  if (!file || files.length > 1) {
    throw new CliError(
      `${command} takes one file: standalone ${command} FILE`,
      exitCodes.invalidInput,
    );
  }
  return file;
}

/** `kev import FILE`: exit 0 stored (or already stored), 2 refused naming the field. */
export async function kevImport(api: ApiClient, out: Output, files: string[]): Promise<number> {
  const file = oneFile(files, 'kev import');
  const content = readTextFile(file, maxKevBytes, 'KEV catalog');
  const r = await api.value('threats.importKev', { fileName: path.basename(file), content });
  const flagged =
    r.casesFlagged > 0
      ? ` ${r.casesFlagged} open cases flagged for re-review: a CVE of theirs is now known exploited.`
      : '';
  out.print(
    r.outcome === 'unchanged'
      ? `${r.fileName}: KEV catalog ${r.catalogVersion} is already stored, unchanged.`
      : `${r.fileName}: imported KEV catalog ${r.catalogVersion} (released ${r.dateReleased}), ${r.count} known exploited vulnerabilities.${flagged}`,
    r,
  );
  return exitCodes.ok;
}

/** `epss import FILE`: exit 0 stored (or already stored), 2 refused naming the line and field. */
export async function epssImport(api: ApiClient, out: Output, files: string[]): Promise<number> {
  const file = oneFile(files, 'epss import');
  const content = readTextFile(file, maxEpssBytes, 'EPSS file');
  const r = await api.value('threats.importEpss', { fileName: path.basename(file), content });
  out.print(
    r.outcome === 'unchanged'
      ? `${r.fileName}: EPSS scores of ${r.scoreDate} are already stored, unchanged.`
      : `${r.fileName}: imported EPSS scores of ${r.scoreDate} (model ${r.modelVersion}), ${r.rows} CVEs.`,
    r,
  );
  return exitCodes.ok;
}
