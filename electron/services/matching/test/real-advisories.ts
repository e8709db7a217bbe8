/**
 * Real CISA ICSMA advisories, product names and versions copied as each CSAF file writes them
 * (cisagov/CSAF, csaf_files/OT/white/<year>/), for the matching table tests.
 */
import type { AdvisoryProduct } from '../../../api/domains/advisories';
import type { MatchableAdvisory } from '../types';

/** [product_name branch, full product name, version leaf ("range:" for product_version_range)] */
type Row = [string, string, string];

function advisory(id: number, trackingId: string, vendor: string, rows: Row[]): MatchableAdvisory {
  const products: AdvisoryProduct[] = rows.map(([productName, name, leaf], i) => {
    const range = leaf.startsWith('range:');
    const text = range ? leaf.slice('range:'.length) : leaf;
    return {
      productId: `CSAFPID-${String(i + 1).padStart(4, '0')}`,
      name,
      vendor,
      vendorKey: null,
      productName,
      version: range ? null : text,
      versionRange: range ? text : null,
      modelNumbers: [],
      cpe: null,
      statuses: ['known_affected'],
    };
  });
  return { advisoryId: id, revisionId: id, trackingId, version: '1', publisher: 'CISA', products };
}

export const realAdvisories: MatchableAdvisory[] = [
  // St. Jude Merlin@home Transmitter (Update A); St. Jude Medical is Abbott since 2017.
  advisory(1, 'ICSMA-17-009-01A', 'St. Jude Medical', [
    [
      'Inductive models EX1100',
      'Inductive models EX1100: versions prior to Version 8.2.2',
      'range:< 8.2.2',
    ],
    ['RF models EX1150', 'RF models EX1150: versions prior to Version 8.2.2', 'range:< 8.2.2'],
  ]),
  // Hillrom Medical Device Management (Update B); Hillrom and Welch Allyn are Baxter since 2021.
  advisory(2, 'ICSMA-21-152-01', 'Hillrom', [
    [
      'Welch Allyn Connex Spot Monitor (CSM)',
      'Welch Allyn Connex Spot Monitor (CSM): versions prior to v1.52',
      'range:< 1.52',
    ],
    [
      'Welch Allyn Service Monitor',
      'Welch Allyn Service Monitor: versions prior to v1.7.0.0',
      'range:< 1.7.0.0',
    ],
  ]),
  // BD Alaris System with Guardrails Suite MX; Alaris came to BD with CareFusion in 2015.
  advisory(3, 'ICSMA-23-194-01', 'Becton, Dickinson and Company (BD)', [
    [
      'BD Alaris Point-of-Care Unit (PCU) Model 8015',
      'BD Alaris Point-of-Care Unit (PCU) Model 8015: <=12.1.3',
      'range:<=12.1.3',
    ],
  ]),
  // GE Ultrasound products, as the 2022 CSAF writes the exclusions (in the version leaf).
  advisory(4, 'ICSMA-20-049-02', 'General Electric (GE)', [
    ['Vivid products', 'Vivid products: all versions', '*'],
    [
      'Venue',
      'Venue: all versions not including Venue 40 R1-3 and Venue 50 R4-5',
      '* (excluding 40 R1-3 and 50 R4-5)',
    ],
    ['LOGIQ', 'LOGIQ: all versions not including LOGIQ 100 Pro', '* (excluding 100 Pro)'],
    ['Voluson', 'Voluson: all versions', '*'],
  ]),
  // The same advisory's Update A (2024) writes the exclusions into the product names.
  advisory(5, 'ICSMA-20-049-02 Update A', 'GE Healthcare', [
    ['Vivid products, not including EchoPAC', 'Vivid products, not including EchoPAC', '*'],
    ['LOGIQ, not including LOGIQ 100 Pro', 'LOGIQ, not including LOGIQ 100 Pro', '*'],
    ['Voluson, not including ImageVault', 'Voluson, not including ImageVault', '*'],
    [
      'Invenia ABUS Scan station, not including VScan product line',
      'Invenia ABUS Scan station, not including VScan product line',
      '*',
    ],
  ]),
  // Medtronic Conexus Radio Frequency Telemetry Protocol (Update C): whole lines, "(all models)".
  advisory(6, 'ICSMA-19-080-01', 'Medtronic', [
    ['Evera ICD', 'Evera ICD: (all models)', 'vers:all/*'],
    ['Amplia CRT-D', 'Amplia CRT-D: (all models)', 'vers:all/*'],
  ]),
  // BD Pyxis: a product family.
  advisory(7, 'ICSMA-22-062-01', 'Becton, Dickinson and Company (BD)', [
    ['BD Pyxis Med Link Family', 'BD Pyxis Med Link Family: all versions', 'vers:all/*'],
  ]),
  // Spacelabs Xhibit Telemetry Receiver: the operating systems are listed as products.
  advisory(8, 'ICSMA-20-049-01', 'Spacelabs', [
    ['Windows XP', 'Windows XP: all Service Pack versions', '*'],
    ['Windows 7', 'Windows 7: all Service Pack versions', '*'],
    [
      'Xhibit Telemetry Receiver (XTR) Model number 96280',
      'Xhibit Telemetry Receiver (XTR) Model number 96280: v1.0.2',
      '1.0.2',
    ],
  ]),
  // Siemens Molecular Imaging: Windows 7-based, and the Windows XP-based twin.
  advisory(9, 'ICSMA-17-215-02', 'Siemens', [
    [
      'Siemens PET/CT Systems Windows 7-Based',
      'Siemens PET/CT Systems: All Windows 7-based versions',
      'range:vers:all/*',
    ],
    [
      'Siemens SPECT/CT Systems Windows 7-Based',
      'Siemens SPECT/CT Systems: All Windows 7-based versions',
      'range:vers:all/*',
    ],
  ]),
  advisory(10, 'ICSMA-17-215-01', 'Siemens', [
    [
      'Siemens PET/CT Systems Windows XP-Based',
      'Siemens PET/CT Systems: All Windows XP-based versions',
      'range:vers:all/*',
    ],
    [
      'Siemens SPECT/CT Systems Windows XP-Based',
      'Siemens SPECT/CT Systems: All Windows XP-based versions',
      'range:vers:all/*',
    ],
  ]),
  // Baxter Sigma Spectrum Infusion Pumps (Update B): versions with model numbers and WBM ranges.
  advisory(11, 'ICSMA-20-170-04', 'Baxter', [
    ['Baxter Spectrum', 'Baxter Spectrum: v8.x model 35700BAX2', 'v8.x model 35700BAX2'],
    [
      'Baxter Spectrum LVP',
      'Baxter Spectrum LVP: v9.x with Wireless Battery Module v22D19 to v22D28',
      'range:v9.x (with Wireless Battery Module >= v22D19 | <= v22D28)',
    ],
  ]),
  // GE CARESCAPE, ApexPro and Clinical Information Center: "2.X", "1.X", "4.2 and prior".
  advisory(12, 'ICSMA-20-023-01', 'General Electric (GE)', [
    ['B450', 'B450: Version 2.X (Impacted by CVE-2020- 6962 and CVE-2020-6965)', '2.X'],
    [
      'ApexPro Telemetry Server',
      'ApexPro Telemetry Server: Versions 4.2 and prior',
      'range:<= 4.2',
    ],
    [
      'Clinical Information Center (CIC)',
      'Clinical Information Center (CIC): Versions 4.X and 5.X',
      '4.X | 5.X',
    ],
  ]),
  // GE Healthcare Imaging and Ultrasound Products: vendor build codes.
  advisory(13, 'ICSMA-20-343-01', 'GE Healthcare', [
    ['LOGIQ 7', 'LOGIQ 7: BT03 | BT04 | BT06', 'BT03 | BT04 | BT06'],
  ]),
];
