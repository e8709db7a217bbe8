import { describe, expect, it } from 'vitest';
import { priorityReasonCodes } from '../../api/priority-reasons';
import de from '../../api/i18n/priority.de.json' with { type: 'json' };
import { computePriority, priorityWeights, type PriorityFacts } from './priority';
import { priorityReasonText } from './priority-words';

const nothing: PriorityFacts = {
  kev: [],
  epss: null,
  cvss: null,
  criticality: null,
  reachableFromInternet: 'no',
  reachableFromBusiness: 'no',
  portsFiltered: null,
  patientConnected: false,
};

describe('the priority table: each weight adds its points and says why', () => {
  it.each<[string, Partial<PriorityFacts>, number, string]>([
    [
      'known exploited',
      { kev: [{ cve: 'CVE-2015-1635', dateAdded: '2022-03-25', ransomware: false }] },
      priorityWeights.knownExploited,
      'known exploited since 2022-03-25 (CVE-2015-1635)',
    ],
    [
      'known exploited by ransomware',
      { kev: [{ cve: 'CVE-2017-7269', dateAdded: '2021-11-03', ransomware: true }] },
      priorityWeights.knownExploited + priorityWeights.ransomware,
      'used in ransomware campaigns (CVE-2017-7269)',
    ],
    ['EPSS', { epss: { cve: 'CVE-2015-1635', score: 0.94 } }, 18.8, 'EPSS 0.94 (CVE-2015-1635)'],
    ['CVSS', { cvss: 9.8 }, 19.6, 'CVSS 9.8'],
    [
      'reachable from the internet',
      { reachableFromInternet: 'yes' },
      15,
      'reachable from the internet',
    ],
    [
      'reachable from the business network',
      { reachableFromBusiness: 'yes' },
      10,
      'reachable from the business network',
    ],
    [
      'exposure not known',
      { reachableFromBusiness: null },
      priorityWeights.businessUnknown,
      'not known whether it is reachable from the business network',
    ],
    ['ports filtered lower it', { portsFiltered: 'all_filtered' }, -5, 'vulnerable ports filtered'],
    ['a patient connected', { patientConnected: true }, 10, 'a patient is connected'],
    ['critical device', { criticality: 'critical' }, 10, 'device criticality critical'],
  ])('%s', (_name, facts, points, reason) => {
    const p = computePriority({ ...nothing, ...facts });
    expect(p.priority).toBeCloseTo(points, 5);
    expect(p.reasons.map((r) => priorityReasonText(r))).toContain(reason);
  });

  it('lists the strongest reason first, as the issue reads it', () => {
    const p = computePriority({
      ...nothing,
      kev: [{ cve: 'CVE-2015-1635', dateAdded: '2022-03-25', ransomware: false }],
      reachableFromBusiness: 'yes',
      epss: { cve: 'CVE-2015-1635', score: 0.94 },
    });
    expect(p.reasons.map((r) => priorityReasonText(r)).join('; ')).toBe(
      'known exploited since 2022-03-25 (CVE-2015-1635); EPSS 0.94 (CVE-2015-1635); reachable from the business network',
    );
    expect(p.knownExploited).toEqual(['CVE-2015-1635']);
  });

  it('puts a known-exploited case above a higher-CVSS one that is not', () => {
    const exploited = computePriority({
      ...nothing,
      cvss: 7.5,
      kev: [{ cve: 'CVE-1', dateAdded: '2022-01-01', ransomware: false }],
    });
    const severe = computePriority({ ...nothing, cvss: 10, reachableFromInternet: 'yes' });
    expect(exploited.priority).toBeGreaterThan(severe.priority);
  });
});

describe('the reasons are codes with values, worded in the station’s language', () => {
  const p = computePriority({
    ...nothing,
    kev: [{ cve: 'CVE-2015-1635', dateAdded: '2022-03-25', ransomware: false }],
    reachableFromBusiness: 'yes',
    epss: { cve: 'CVE-2015-1635', score: 0.94 },
    cvss: 10,
    criticality: 'high',
  });

  it('carries no sentence, only a code and its values', () => {
    expect(p.reasons[0]).toEqual({
      code: 'knownExploited',
      date: '2022-03-25',
      cves: ['CVE-2015-1635'],
    });
    expect(p.reasons.find((r) => r.code === 'epss')).toEqual({
      code: 'epss',
      score: 0.94,
      cve: 'CVE-2015-1635',
    });
  });

  it('reads in German with German numbers', () => {
    expect(p.reasons.map((r) => priorityReasonText(r, 'de'))).toEqual([
      'bekannt ausgenutzt seit 2022-03-25 (CVE-2015-1635)',
      'CVSS 10,0',
      'EPSS 0,94 (CVE-2015-1635)',
      'aus dem Verwaltungsnetz erreichbar',
      'klinische Kritikalität hoch',
    ]);
  });

  it('has words for every code in both languages', () => {
    for (const code of priorityReasonCodes) {
      expect(de.priorityReason[code], code).toBeTruthy();
      expect(priorityReasonText({ code }, 'en'), code).not.toBe('');
    }
  });
});
