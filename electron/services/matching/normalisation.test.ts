import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../test/temp-runtime';
import { checkAliasTables, loadAliasTables, parseAliasTables } from './alias-tables';
import { relateModels, tokenize, significantTokens, type ModelRelation } from './model-tokens';
import { compareOs, deviceOs, osConstraintFromName } from './os';
import { createVendorIndex, normaliseVendorText } from './vendors';

/** The value, or a failed test saying what was missing. */
function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`Expected a ${what}`);
  return value;
}

const tables = loadAliasTables(path.join(repoRoot, 'resources'));
const vendors = createVendorIndex(tables.vendors);

describe('vendor normalisation', () => {
  it.each([
    ['Siemens', 'Siemens Healthineers'],
    ['SIEMENS', 'Siemens Medical Solutions'],
    ['Siemens Healthcare GmbH', 'siemens'],
    ['Philips', 'Phillips'],
    ['GE', 'GE Healthcare'],
    ['General Electric (GE)', 'GE Healthcare'],
    ['BD', 'Becton, Dickinson and Company (BD)'],
    ['Becton Dickinson', 'Becton, Dickinson and Company'],
    ['Hillrom', 'Welch Allyn'],
    ['Digi International, Inc. ', 'Digi International'],
    ['Illumina, Inc.', 'Illumina'],
    ['Dräger', 'Draeger'],
  ])('%s and %s are one vendor', (a, b) => {
    expect(vendors.identify(a)?.key).toBe(vendors.identify(b)?.key);
  });

  it.each([
    ['Siemens', 'Philips'],
    ['GE Healthcare', 'Baxter'],
    ['BD', 'BPL Medical Technologies'],
    ['Unknown Vendor Ltd', 'Unknown Vendors'],
  ])('%s and %s are different vendors', (a, b) => {
    expect(vendors.identify(a)?.key).not.toBe(vendors.identify(b)?.key);
  });

  it('compares an unlisted vendor by its cleaned name', () => {
    expect(normaliseVendorText('Acme Imaging, Inc. ')).toBe('acme imaging');
    expect(vendors.identify('ACME Imaging Inc')?.key).toBe('unlisted:acme imaging');
    expect(vendors.identify('   ')).toBeNull();
  });

  it('refuses an alias table where one alias belongs to two vendors', () => {
    const bad = parseAliasTables(
      {
        vendors: [
          { key: 'a', name: 'A', aliases: ['Same'] },
          { key: 'b', name: 'B', aliases: ['same'] },
        ],
      },
      { families: [] },
    );
    expect(() => checkAliasTables(bad, normaliseVendorText)).toThrow(/belongs to both "a" and "b"/);
    expect(() =>
      parseAliasTables({ vendors: [{ key: 'X Y', name: 'x', aliases: [] }] }, { families: [] }),
    ).toThrow();
  });

  it('ships consistent tables', () => {
    expect(() => checkAliasTables(tables, normaliseVendorText)).not.toThrow();
  });
});

describe('operating system constraints in product names', () => {
  it.each([
    ['Siemens PET/CT Systems Windows 7-Based', 'Windows 7'],
    ['Siemens SPECT Workplaces/Symbia.net Windows XP-Based', 'Windows XP'],
    ['Siemens SPECT Systems: All Windows XP-based versions', 'Windows XP'],
  ])('%s is limited to %s', (name, label) => {
    expect(osConstraintFromName(name)?.os.label).toBe(label);
  });

  it('finds no constraint where the name has none', () => {
    expect(osConstraintFromName('Digi RealPort for Windows')).toBeNull();
    expect(osConstraintFromName('IntelliSpace Portal 8.0.x')).toBeNull();
  });

  it.each([
    ['Windows 7', 'SP1', 'same'],
    ['Win7 SP1', null, 'same'],
    ['Windows 7 Professional', null, 'same'],
    ['Win 7 x64', null, 'same'],
    ['Windows', '7', 'same'],
    ['Windows 10', 'LTSC 2019', 'different'],
    ['Windows XP Embedded', null, 'different'],
    ['Red Hat Enterprise Linux', '5', 'different'],
    ['Windows', null, 'unknown'],
    ['Proprietary', null, 'unknown'],
    [null, null, 'unknown'],
  ] as const)('a device on %s %s against Windows 7-based: %s', (osName, osVersion, verdict) => {
    const required = must(osConstraintFromName('Windows 7-Based')).os;
    expect(compareOs(required, deviceOs(osName, osVersion))).toBe(verdict);
  });
});

describe('model names', () => {
  const rel = (product: string, device: string) =>
    relateModels(significantTokens(tokenize(product)), significantTokens(tokenize(device)));
  it.each<[string, string, ModelRelation | null]>([
    ['Discovery NM750b', 'Discovery NM 750b', 'exact'],
    ['Discovery XR656+', 'Discovery XR656 Plus', 'exact'],
    ['Optima NM/CT640', 'Optima NM/CT 640', 'exact'],
    ['MiSeq Control Software', 'MiSeq', 'same-distinctive-words'],
    ['Optima 640', 'Optima NM/CT 640', 'same-distinctive-words'],
    ['Infinia', 'Infinia Hawkeye 4', 'device-more-specific'],
    ['Discovery NM D530c', 'Discovery NM530c', 'product-more-specific'],
    ['LOGIQ 7', 'LOGIQ E10', 'product-line'],
    ['Optima CT540', 'Optima MR360', 'product-line'],
    ['SIMATIC CP 1243-1', 'SOMATOM Definition AS', null],
    ['Symbia.net', 'syngo.via', null],
  ])('%s against a device %s: %s', (product, device, expected) => {
    expect(rel(product, device)).toBe(expected);
  });
});
