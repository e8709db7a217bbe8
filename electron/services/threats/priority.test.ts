import { describe, expect, it } from 'vitest';
import { computePriority, priorityWeights, type PriorityFacts } from './priority';

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
    expect(p.reasons).toContain(reason);
  });

  it('lists the strongest reason first, as the issue reads it', () => {
    const p = computePriority({
      ...nothing,
      kev: [{ cve: 'CVE-2015-1635', dateAdded: '2022-03-25', ransomware: false }],
      reachableFromBusiness: 'yes',
      epss: { cve: 'CVE-2015-1635', score: 0.94 },
    });
    expect(p.reasons.join('; ')).toBe(
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
