/**
 * How a CSV cell becomes a device field: length limits (the same as the API's device schema),
 * the formats that must be well formed (IP, MAC) and the enumerations (criticality, yes/no).
 */
import {
  criticalities,
  isIpAddress,
  isMacAddress,
  type Criticality,
} from '../../api/domains/devices';
import type { DeviceFieldName } from '../../api/domains/inventory';
import { withoutFormulaGuard } from '../csv/spreadsheet-csv';

/** A cell as SQLite stores it: text, yes/no as 1/0, or NULL. */
export type FieldValue = string | 0 | 1 | null;

export const fieldLabels: Record<DeviceFieldName, string> = {
  assetTag: 'Asset tag',
  vendor: 'Vendor',
  model: 'Model',
  family: 'Product family',
  modality: 'Modality',
  serialNumber: 'Serial number',
  osName: 'Operating system',
  osVersion: 'OS version',
  softwareVersion: 'Software version',
  hostname: 'Host name',
  ipAddress: 'IP address',
  macAddress: 'MAC address',
  aeTitle: 'DICOM AE title',
  networkSegment: 'Network segment',
  site: 'Site',
  building: 'Building',
  floor: 'Floor',
  room: 'Room',
  department: 'Department',
  criticality: 'Clinical criticality',
  remoteUpdateCapable: 'Remote update capable',
  backupMethod: 'Backup method',
  serviceContact: 'Service contact',
  notes: 'Notes',
};

/** Maximum lengths, as in deviceFieldsSchema (a test keeps the two in step). */
export const fieldMaxLength: Record<DeviceFieldName, number> = {
  assetTag: 64,
  vendor: 200,
  model: 200,
  family: 200,
  modality: 16,
  serialNumber: 200,
  osName: 200,
  osVersion: 200,
  softwareVersion: 200,
  hostname: 253,
  ipAddress: 64,
  macAddress: 32,
  aeTitle: 16,
  networkSegment: 200,
  site: 200,
  building: 200,
  floor: 200,
  room: 200,
  department: 200,
  criticality: 16,
  remoteUpdateCapable: 16,
  backupMethod: 500,
  serviceContact: 500,
  notes: 4000,
};

const yes = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui']);
const no = new Set(['no', 'n', 'false', '0', 'nein', 'non']);
/** Control characters other than tab and line breaks have no place in an inventory. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
export const controlCharacters = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}

/** What is wrong with a cell (a class, so that valid cells need no wrapper object). */
export class CellProblem {
  constructor(readonly message: string) {}
}

export type CellResult = FieldValue | CellProblem;
const problem = (message: string) => new CellProblem(message);

/** Turn one trimmed cell into a field value, or say what is wrong with it. */
/**
 * `checkControls`: false when the whole file is known to hold no control character (one scan of
 * the file instead of one per cell).
 */
export function parseCell(field: DeviceFieldName, raw: string, checkControls = true): CellResult {
  const text = withoutFormulaGuard(raw.trim());
  if (text === '') {
    return field === 'assetTag'
      ? problem('The asset tag is missing; every device needs one.')
      : null;
  }
  if (checkControls && hasControlCharacter(text)) {
    return problem(`${fieldLabels[field]} contains a control character; remove it.`);
  }
  if (text.length > fieldMaxLength[field]) {
    return problem(
      `${fieldLabels[field]} is ${text.length} characters long; at most ${fieldMaxLength[field]} fit.`,
    );
  }
  switch (field) {
    case 'ipAddress':
      return isIpAddress(text)
        ? text
        : problem(`"${text}" is not a valid IP address (e.g. 10.20.30.11 or fd00::11).`);
    case 'macAddress':
      return isMacAddress(text)
        ? text
        : problem(`"${text}" is not a valid MAC address (e.g. 00:1B:44:11:3A:B7).`);
    case 'criticality': {
      const c = text.toLowerCase();
      return (criticalities as readonly string[]).includes(c)
        ? (c as Criticality)
        : problem(
            `"${text}" is not a clinical criticality; use one of ${criticalities.join(', ')}.`,
          );
    }
    case 'remoteUpdateCapable': {
      const c = text.toLowerCase();
      if (yes.has(c)) return 1;
      if (no.has(c)) return 0;
      return problem(`"${text}" is not yes or no.`);
    }
    case 'assetTag':
      return /[\r\n\t]/.test(text)
        ? problem('The asset tag contains a line break or tab; an asset tag is one line.')
        : text;
    default:
      return text;
  }
}
