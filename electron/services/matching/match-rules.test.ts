import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishReasons } from '../../api/match-words';
import type { AdvisoryProduct, MatchConfidence } from '../../api/domains/advisories';
import { repoRoot } from '../test/temp-runtime';
import { loadAliasTables } from './alias-tables';
import { createMatcher } from './matcher';
import { matchableDevice as device } from './test/matchable-device';
import { matchableProduct as product } from './test/matchable-product';
import type { MatchableDevice } from './types';

const tables = loadAliasTables(path.join(repoRoot, 'resources'));

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
    if (found) expect(found.reasonWords.length).toBeGreaterThanOrEqual(3);
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
    expect(englishReasons(found?.reasonWords ?? []).join(' ')).toMatch(
      /only shares its product line/,
    );
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
    expect(englishReasons(inside?.reasonWords ?? [])).toContain(
      'Version: “1.002” is within the affected versions “< 1.003”.',
    );
  });

  it('a version that cannot be compared lowers the confidence and says why', () => {
    const found = matchOne(
      ge,
      device({ vendor: 'GE Healthcare', model: 'Discovery NM530c', softwareVersion: 'VG60A' }),
    );
    expect(found?.confidence).toBe('medium');
    expect(englishReasons(found?.reasonWords ?? []).join(' ')).toMatch(/cannot be compared/);
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
        serialNumber: '0931',
      }),
    );
    expect(without?.confidence).toBe('medium');
    expect(englishReasons(without?.reasonWords ?? []).join(' ')).toMatch(/does not mention/);
    // 35700BAX is another variant of 35700BAX2: the record says the device is not this product.
    const otherVariant = matchOne(
      spectrum,
      device({
        vendor: 'Baxter',
        model: 'Sigma Spectrum',
        softwareVersion: '8.02',
        serialNumber: '35700BAX-0931',
      }),
    );
    expect(otherVariant).toBeNull();
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
