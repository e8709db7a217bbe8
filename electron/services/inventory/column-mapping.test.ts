import { describe, expect, it } from 'vitest';
import { deviceFieldsSchema } from '../../api/domains/devices';
import { deviceFieldNames } from '../../api/domains/inventory';
import { blankDevice } from '../test/sample-inputs';
import { suggestMapping } from './column-mapping';
import { fieldMaxLength } from './field-rules';

describe('column mapping and field rules', () => {
  it('recognises the header names maintenance systems export', () => {
    expect(
      suggestMapping([
        'Asset Tag',
        'Mfr',
        'Manufacturer',
        'Model Name',
        'Serial',
        'OS',
        'SW Rev',
        'IP',
        'MAC Address',
        'Bldg',
        'Unknown',
      ]),
    ).toEqual({
      'Asset Tag': 'assetTag',
      Mfr: 'vendor',
      Manufacturer: null, // vendor is taken by the first column that claims it
      'Model Name': 'model',
      Serial: 'serialNumber',
      OS: 'osName',
      'SW Rev': 'softwareVersion',
      IP: 'ipAddress',
      'MAC Address': 'macAddress',
      Bldg: 'building',
      Unknown: null,
    });
  });

  it('keeps its length limits in step with the API’s device schema', () => {
    const valid = deviceFieldsSchema.parse(blankDevice('X'));
    for (const field of deviceFieldNames) {
      if (
        field === 'criticality' ||
        field === 'remoteUpdateCapable' ||
        field === 'ipAddress' ||
        field === 'macAddress'
      )
        continue;
      const max = fieldMaxLength[field];
      expect(
        deviceFieldsSchema.safeParse({ ...valid, [field]: 'a'.repeat(max) }).success,
        field,
      ).toBe(true);
      expect(
        deviceFieldsSchema.safeParse({ ...valid, [field]: 'a'.repeat(max + 1) }).success,
        field,
      ).toBe(false);
    }
  });
});
