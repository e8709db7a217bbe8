import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdvisoryProduct, MatchConfidence } from '../../api/domains/advisories';
import { repoRoot } from '../test/temp-runtime';
import { checkAliasTables, loadAliasTables, parseAliasTables } from './alias-tables';
import { createMatcher } from './matcher';
import { relateModels, tokenize, significantTokens, type ModelRelation } from './model-tokens';
import { compareOs, deviceOs, osConstraintFromName } from './os';
import type { MatchableDevice } from './types';
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

function product(
  p: Partial<AdvisoryProduct> & { productId: string; name: string },
): AdvisoryProduct {
  return {
    vendor: null,
    vendorKey: null,
    productName: null,
    version: null,
    versionRange: null,
    modelNumbers: [],
    cpe: null,
    statuses: ['known_affected'],
    ...p,
  };
}

let nextId = 1;
function device(d: Partial<MatchableDevice>): MatchableDevice {
  return {
    id: nextId++,
    assetTag: `T-${nextId}`,
    vendor: null,
    model: null,
    family: null,
    osName: null,
    osVersion: null,
    softwareVersion: null,
    serialNumber: null,
    notes: null,
    ...d,
  };
}

/** Products as ICSMA-17-215-02 writes them (vendor branch "Siemens", all versions). */
const siemensWin7 = [
  'PET/CT Systems',
  'SPECT/CT Systems',
  'SPECT Workplaces/Symbia.net',
  'SPECT Systems',
].map((family, i) =>
  product({
    productId: `CSAFPID-000${i + 1}`,
    name: `Siemens ${family}: All Windows 7-based versions`,
    vendor: 'Siemens',
    productName: `Siemens ${family} Windows 7-Based`,
    versionRange: 'vers:all/*',
  }),
);

function matchOne(products: AdvisoryProduct[], d: MatchableDevice) {
  const matcher = createMatcher(tables, [
    {
      advisoryId: 1,
      revisionId: 1,
      trackingId: 'TEST-1',
      version: '1',
      publisher: 'Test',
      products,
    },
  ]);
  return matcher.matchDevice(d)[0] ?? null;
}

describe('the match rules, as the advisories read', () => {
  it.each<[string, Partial<MatchableDevice>, string | null, MatchConfidence | null]>([
    [
      'a Biograph mCT Flow on Windows 7 is a Siemens PET/CT system',
      {
        vendor: 'Siemens Healthineers',
        model: 'Biograph mCT Flow',
        family: 'PET/CT',
        osName: 'Windows 7',
      },
      'CSAFPID-0001',
      'high',
    ],
    [
      'a Symbia T6 on Windows 7 is a SPECT/CT system',
      { vendor: 'Siemens', model: 'Symbia T6', osName: 'Windows 7', osVersion: 'SP1' },
      'CSAFPID-0002',
      'high',
    ],
    [
      'Symbia.net is the SPECT workplace',
      { vendor: 'SIEMENS', model: 'Symbia.net', osName: 'Win7 SP1' },
      'CSAFPID-0003',
      'high',
    ],
    [
      'a Symbia S is a SPECT system',
      { vendor: 'Siemens Medical Solutions', model: 'Symbia S', osName: 'Windows 7' },
      'CSAFPID-0004',
      'high',
    ],
    [
      'a workstation whose family field says "SPECT workplace" is only medium',
      {
        vendor: 'Siemens',
        model: 'e.soft workstation',
        family: 'SPECT workplace',
        osName: 'Win 7 x64',
      },
      'CSAFPID-0003',
      'medium',
    ],
    [
      'a PET/CT with no recorded operating system is only medium',
      { vendor: 'Siemens', model: 'Biograph Horizon' },
      'CSAFPID-0001',
      'medium',
    ],
    [
      'a Biograph Vision on Windows 10 is not a match (the advisory is about Windows 7)',
      { vendor: 'Siemens', model: 'Biograph Vision 600', osName: 'Windows 10' },
      null,
      null,
    ],
    [
      'a Symbia E on Windows XP is not a match for the Windows 7 advisory',
      { vendor: 'Siemens', model: 'Symbia E', osName: 'Windows XP', osVersion: 'SP3' },
      null,
      null,
    ],
    [
      'a Siemens CT on Windows 7 is outside the families',
      { vendor: 'Siemens', model: 'SOMATOM Definition AS', family: 'CT', osName: 'Windows 7' },
      null,
      null,
    ],
    [
      'syngo.via, a Siemens workplace that is not a SPECT workplace, is not a match',
      { vendor: 'Siemens', model: 'syngo.via', family: 'Workplace', osName: 'Windows 7' },
      null,
      null,
    ],
    [
      'another vendor’s PET/CT is not a match',
      { vendor: 'GE Healthcare', model: 'Discovery MI', family: 'PET/CT', osName: 'Windows 7' },
      null,
      null,
    ],
  ])('%s', (_title, d, productId, confidence) => {
    const found = matchOne(siemensWin7, device(d));
    expect(found?.productId ?? null).toBe(productId);
    expect(found?.confidence ?? null).toBe(confidence);
    if (found) expect(found.reasons.length).toBeGreaterThanOrEqual(3);
  });

  const ge = [
    product({
      productId: 'P5',
      name: 'LOGIQ 5: BT03',
      vendor: 'GE Healthcare',
      productName: 'LOGIQ 5',
      version: 'BT03',
    }),
    product({
      productId: 'P7',
      name: 'LOGIQ 7: BT03 | BT04 | BT06',
      vendor: 'GE Healthcare',
      productName: 'LOGIQ 7',
      version: 'BT03 | BT04 | BT06',
    }),
    product({
      productId: 'N5',
      name: 'Discovery NM530c: < 1.003',
      vendor: 'GE Healthcare',
      productName: 'Discovery NM530c',
      versionRange: '< 1.003',
    }),
    product({
      productId: 'X6',
      name: 'Discovery XR656: *',
      vendor: 'GE Healthcare',
      productName: 'Discovery XR656',
      versionRange: 'vers:all/*',
    }),
  ];

  it('a LOGIQ E10 only shares a word with "LOGIQ 7": at most low confidence', () => {
    const found = matchOne(
      ge,
      device({ vendor: 'GE', model: 'LOGIQ E10', softwareVersion: 'BT04' }),
    );
    expect(found?.confidence).toBe('low');
    expect(found?.reasons.join(' ')).toMatch(/only shares its product line/);
  });

  it('a device outside the affected version range is not a match, and no other product of its line stands in', () => {
    expect(
      matchOne(
        ge,
        device({ vendor: 'GE Healthcare', model: 'Discovery NM530c', softwareVersion: '1.003' }),
      ),
    ).toBeNull();
    const inside = matchOne(
      ge,
      device({ vendor: 'GE Healthcare', model: 'Discovery NM530c', softwareVersion: '1.002' }),
    );
    expect(inside).toMatchObject({ productId: 'N5', confidence: 'high' });
    expect(inside?.reasons).toContain(
      'Version: “1.002” is within the affected versions “< 1.003”.',
    );
  });

  it('a version that cannot be compared lowers the confidence and says why', () => {
    const found = matchOne(
      ge,
      device({ vendor: 'GE Healthcare', model: 'Discovery NM530c', softwareVersion: 'VG60A' }),
    );
    expect(found?.confidence).toBe('medium');
    expect(found?.reasons.join(' ')).toMatch(/cannot be compared/);
  });

  it('Phillips in the advisory is Philips in the inventory, and the version in the name counts', () => {
    const isp = [
      product({
        productId: 'I8',
        name: 'IntelliSpace Portal 8.0.x: *',
        vendor: 'Phillips',
        productName: 'IntelliSpace Portal 8.0.x',
        versionRange: 'vers:all/*',
      }),
      product({
        productId: 'I7',
        name: 'IntelliSpace Portal 7.0.x: *',
        vendor: 'Phillips',
        productName: 'IntelliSpace Portal 7.0.x',
        versionRange: 'vers:all/*',
      }),
    ];
    expect(
      matchOne(
        isp,
        device({ vendor: 'Philips', model: 'IntelliSpace Portal', softwareVersion: '8.0.2' }),
      ),
    ).toMatchObject({ productId: 'I8', confidence: 'high' });
    expect(
      matchOne(
        isp,
        device({ vendor: 'Philips', model: 'IntelliSpace Portal', softwareVersion: '9.0.1' }),
      ),
    ).toBeNull();
  });

  it('a model inside "MX400-MX850" matches; one outside does not', () => {
    const mx = [
      product({
        productId: 'MX',
        name: 'IntelliVue MX400-MX850: <=N',
        vendor: 'Philips',
        productName: 'IntelliVue patient monitor MX400-MX850',
        versionRange: '<=N',
      }),
    ];
    expect(
      matchOne(
        mx,
        device({ vendor: 'Philips', model: 'IntelliVue MX450', softwareVersion: 'N.00' }),
      ),
    ).toMatchObject({ confidence: 'high' });
    expect(
      matchOne(
        mx,
        device({ vendor: 'Philips', model: 'IntelliVue MX100', softwareVersion: 'N.00' }),
      ),
    ).toBeNull();
    expect(
      matchOne(
        mx,
        device({ vendor: 'Philips', model: 'IntelliVue MX800', softwareVersion: 'P.01.00' }),
      ),
    ).toBeNull();
  });

  it('a model number written into the version settles a partial name', () => {
    const spectrum = [
      product({
        productId: 'B8',
        name: 'Baxter Spectrum: v8.x model 35700BAX2',
        vendor: 'Baxter',
        productName: 'Baxter Spectrum',
        version: 'v8.x model 35700BAX2',
      }),
    ];
    const withModel = matchOne(
      spectrum,
      device({
        vendor: 'Baxter',
        model: 'Sigma Spectrum',
        softwareVersion: '8.02',
        serialNumber: '35700BAX2-0931',
      }),
    );
    expect(withModel?.confidence).toBe('high');
    const without = matchOne(
      spectrum,
      device({
        vendor: 'Baxter',
        model: 'Sigma Spectrum',
        softwareVersion: '8.02',
        serialNumber: '35700BAX-0931',
      }),
    );
    expect(without?.confidence).toBe('medium');
    expect(without?.reasons.join(' ')).toMatch(/does not mention/);
  });

  it('skips products that are fixed or not affected', () => {
    const fixed = [
      product({
        productId: 'F',
        name: 'Data Center Expert 8.2',
        vendor: 'Schneider Electric',
        productName: 'Data Center Expert',
        version: '8.2',
        statuses: ['fixed'],
      }),
    ];
    expect(
      matchOne(
        fixed,
        device({
          vendor: 'Schneider Electric',
          model: 'Data Center Expert',
          softwareVersion: '8.2',
        }),
      ),
    ).toBeNull();
  });

  it('keeps one match per device and advisory: the strongest', () => {
    const pyxis = ['BD Pyxis MedStation ES', 'BD Pyxis MedStation ES Server'].map((n, i) =>
      product({
        productId: `X${i}`,
        name: `Pyxis - ${n}`,
        vendor: 'Becton, Dickinson and Company (BD)',
        productName: n,
        version: 'vers:all/*',
      }),
    );
    const matcher = createMatcher(tables, [
      {
        advisoryId: 1,
        revisionId: 1,
        trackingId: 'T',
        version: '1',
        publisher: 'T',
        products: pyxis,
      },
    ]);
    const found = matcher.matchDevice(device({ vendor: 'BD', model: 'Pyxis MedStation ES' }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ productId: 'X0', confidence: 'high' });
  });
});
