/**
 * Which CSV column holds which device field: recognised from the header names that maintenance
 * systems export ("Asset #", "Mfr", "Model Name", "SW Rev", "IP", …), confirmed or changed by
 * the user in the preview (the CLI takes a mapping file) before anything is written.
 */
import {
  deviceFieldNames,
  type ColumnMapping,
  type DeviceFieldName,
} from '../../api/domains/inventory';
import { wordedError } from '../core/errors';

/** Header names, compared lower case without spaces or punctuation ("#" reads as "no"). */
const synonyms: Record<DeviceFieldName, string[]> = {
  assetTag: [
    'assettag',
    'asset',
    'assetno',
    'assetnumber',
    'assetid',
    'tag',
    'tagno',
    'tagnumber',
    'equipmentid',
    'equipmentno',
    'equipmentnumber',
    'controlno',
    'controlnumber',
    'inventoryno',
    'inventorynumber',
    'inventoryid',
    'deviceid',
  ],
  vendor: [
    'vendor',
    'vendorname',
    'manufacturer',
    'manufacturername',
    'mfr',
    'mfg',
    'make',
    'maker',
    'brand',
  ],
  model: ['model', 'modelname', 'devicemodel', 'modelno', 'modelnumber', 'product', 'productname'],
  family: [
    'productfamily',
    'family',
    'devicefamily',
    'devicetype',
    'type',
    'equipmenttype',
    'category',
    'devicecategory',
    'equipmentclass',
    'deviceclass',
  ],
  modality: ['modality', 'dicommodality'],
  serialNumber: ['serial', 'serialno', 'serialnumber', 'sn', 'sno'],
  osName: ['os', 'osname', 'operatingsystem'],
  osVersion: ['osversion', 'osrev', 'operatingsystemversion', 'servicepack'],
  softwareVersion: [
    'softwareversion',
    'software',
    'swversion',
    'swrev',
    'swrevision',
    'softwarerev',
    'softwarerevision',
    'version',
    'firmware',
    'firmwareversion',
    'fwversion',
    'fwrev',
    'swlevel',
  ],
  hostname: ['hostname', 'host', 'computername', 'dnsname', 'fqdn', 'networkname'],
  ipAddress: ['ip', 'ipaddress', 'ipaddr', 'ipv4', 'ipv4address', 'ipv6', 'ipv6address'],
  macAddress: ['mac', 'macaddress', 'macaddr', 'hardwareaddress'],
  aeTitle: ['aetitle', 'ae', 'aet', 'dicomae', 'dicomaetitle', 'applicationentitytitle'],
  networkSegment: ['networksegment', 'segment', 'vlan', 'network', 'subnet'],
  site: ['site', 'campus', 'facility'],
  building: ['building', 'bldg'],
  floor: ['floor', 'level', 'storey'],
  // A single "Location" column ("Bldg A / Rm A1-120") is kept whole, as the room.
  room: ['room', 'roomno', 'roomnumber', 'rm', 'location'],
  department: ['department', 'dept', 'ward', 'unit', 'clinicalarea', 'costcenter'],
  criticality: ['criticality', 'clinicalcriticality', 'risk', 'riskclass', 'risklevel'],
  remoteUpdateCapable: [
    'remoteupdatecapable',
    'remoteupdate',
    'remoteservice',
    'remoteaccess',
    'remotesupport',
  ],
  backupMethod: ['backupmethod', 'backup'],
  serviceContact: [
    'servicecontact',
    'vendorcontact',
    'servicecontract',
    'service',
    'support',
    'supportcontact',
  ],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'description'],
};

const bySynonym = new Map<string, DeviceFieldName>();
for (const field of deviceFieldNames) {
  for (const s of synonyms[field]) bySynonym.set(s, field);
}

export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, 'no')
    .replace(/[^a-z0-9]/g, '');
}

/** The field each header most likely holds; a field claimed twice goes to the first column. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<DeviceFieldName>();
  const mapping: ColumnMapping = {};
  for (const h of headers) {
    const field = bySynonym.get(headerKey(h)) ?? null;
    mapping[h] = field && !taken.has(field) ? field : null;
    if (field) taken.add(field);
  }
  return mapping;
}

/** '"A", "B"': column names as the message quotes them. */
function quoted(names: readonly string[]): string {
  return names.map((h) => `"${h}"`).join(', ');
}

/**
 * The mapping to import with: the user's choices over the suggestion. Refuses a mapping that
 * names a column the file lacks, maps two columns to one field, or maps none to the asset tag.
 */
export function resolveMapping(
  fileName: string,
  headers: readonly string[],
  given: ColumnMapping | undefined,
): ColumnMapping {
  const mapping = suggestMapping(headers);
  if (given) {
    const unknown = Object.keys(given).filter((h) => !headers.includes(h));
    if (unknown.length > 0) {
      throw wordedError(
        'invalid_input',
        'mappingUnknownColumns',
        { file: fileName, unknown: quoted(unknown), columns: quoted(headers) },
        { unknownColumns: unknown },
      );
    }
    // A field the user gave to one column is taken from any column the suggestion gave it to.
    const chosen = new Set(Object.values(given).filter((f): f is DeviceFieldName => f !== null));
    for (const h of headers) {
      const suggested = mapping[h];
      if (suggested && chosen.has(suggested) && !(h in given)) mapping[h] = null;
    }
    Object.assign(mapping, given);
  }
  const columnsByField = new Map<DeviceFieldName, string[]>();
  for (const h of headers) {
    const f = mapping[h];
    if (f) columnsByField.set(f, [...(columnsByField.get(f) ?? []), h]);
  }
  const twice = [...columnsByField].filter(([, cols]) => cols.length > 1);
  if (twice.length > 0) {
    throw wordedError(
      'invalid_input',
      'mappingFieldTwice',
      { columns: twice.map(([, cols]) => quoted(cols)).join('; ') },
      { duplicateFields: twice.map(([f]) => f) },
    );
  }
  if (!columnsByField.has('assetTag')) {
    throw wordedError(
      'invalid_input',
      'mappingNoAssetTag',
      { file: fileName, columns: quoted(headers) },
      { missingField: 'assetTag' },
    );
  }
  return mapping;
}
