import fs from 'node:fs';
import path from 'node:path';
import type { ColumnMapping, DeviceFieldName, ImportProblem } from '../../api/domains/inventory';
import { deviceFieldNames, maxInventoryBytes } from '../../api/domains/inventory';
import type { ApiClient } from '../../api/client';
import { decodeUploadText, type UploadKind } from '../../api/upload-text';
import { CliError, exitCodes, type Output } from '../output';

/** A file's text, refused (exit 2) before parsing when too large, binary or not UTF-8. */
export function readTextFile(file: string, maxBytes: number, what: UploadKind): string {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CliError(`${file} is not a file.`, exitCodes.invalidInput);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`, exitCodes.invalidInput);
  }
  const name = path.basename(file);
  if (size > maxBytes) {
    throw new CliError(
      `${name} is ${Math.round(size / 1024 / 102.4) / 10} MB, larger than the ${maxBytes / 1024 / 1024} MB a ${what} may be.`,
      exitCodes.invalidInput,
    );
  }
  const decoded = decodeUploadText(name, fs.readFileSync(file), maxBytes, what);
  if ('problem' in decoded) throw new CliError(decoded.problem.message, exitCodes.invalidInput);
  // Keep the byte order mark so the services hash exactly the file's bytes.
  return decoded.hasByteOrderMark ? `\uFEFF${decoded.text}` : decoded.text;
}

/** The mapping file: a JSON object { "<csv header>": "<device field>" | null }. */
export function readMappingFile(file: string): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(
      `The mapping file ${file} is not readable JSON: ${(error as Error).message}`,
      exitCodes.invalidInput,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliError(
      `The mapping file ${file} must be a JSON object like {"Asset #": "assetTag", "Mfr": "vendor"}.`,
      exitCodes.invalidInput,
    );
  }
  const mapping: ColumnMapping = {};
  for (const [header, field] of Object.entries(json)) {
    if (field === null || field === '') {
      mapping[header] = null;
    } else if (
      typeof field === 'string' &&
      (deviceFieldNames as readonly string[]).includes(field)
    ) {
      mapping[header] = field as DeviceFieldName;
    } else {
      throw new CliError(
        `The mapping file ${file} maps "${header}" to ${JSON.stringify(field)}, which is not a device field. ` +
          `Use one of: ${deviceFieldNames.join(', ')} (or null to ignore the column).`,
        exitCodes.invalidInput,
      );
    }
  }
  return mapping;
}

function describeProblems(problems: ImportProblem[]): string {
  return problems
    .map((p) => `  row ${p.row}${p.column ? `, column "${p.column}"` : ''}: ${p.message}`)
    .join('\n');
}

export async function inventoryImport(
  api: ApiClient,
  out: Output,
  args: string[],
  options: { skipInvalid: boolean; mapping: string | undefined },
): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) {
    throw new CliError(
      'inventory import takes one CSV file: standalone inventory import FILE',
      exitCodes.invalidInput,
    );
  }
  const content = readTextFile(file, maxInventoryBytes, 'inventory file');
  const mapping = options.mapping ? readMappingFile(options.mapping) : undefined;
  const report = await api.value('inventory.import', {
    fileName: path.basename(file),
    content,
    ...(mapping ? { mapping } : {}),
    skipInvalid: options.skipInvalid,
  });
  const rows = (list: ImportProblem[]) => new Set(list.map((p) => p.row)).size;
  const human = report.written
    ? [
        `Imported ${report.fileName}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged.`,
        ...(report.skipped.length
          ? [`Skipped ${rows(report.skipped)} invalid rows:`, describeProblems(report.skipped)]
          : []),
      ].join('\n')
    : [
        `Nothing was written: ${report.fileName} has ${report.errors.length} problems in ${rows(report.errors)} rows.`,
        describeProblems(report.errors),
        'Fix them and import again, or import the valid rows only with --skip-invalid.',
      ].join('\n');
  out.print(human, report);
  return report.written ? exitCodes.ok : exitCodes.invalidInput;
}

export async function inventoryExport(
  api: ApiClient,
  out: Output,
  options: { format: string | undefined; out: string | undefined },
): Promise<number> {
  const format = options.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') {
    throw new CliError(`--format must be csv or json, not "${format}".`, exitCodes.invalidInput);
  }
  const result = await api.value('inventory.export', { format });
  if (!options.out) {
    process.stdout.write(result.content);
    return exitCodes.ok;
  }
  fs.writeFileSync(options.out, result.content);
  out.print(`Wrote ${result.deviceCount} devices to ${options.out} (${format}).`, {
    file: options.out,
    format,
    deviceCount: result.deviceCount,
  });
  return exitCodes.ok;
}
