import { describe, expect, it } from 'vitest';
import { tFor } from '../i18n/test/translator';
import {
  cvssWithSeverity,
  remediationCategoryText,
  severityText,
  versionRangeText,
} from './advisory-text';

describe('version ranges in words', () => {
  it('says a vers range as people read it, in English and German', async () => {
    const t = await tFor('en');
    expect(versionRangeText(t, 'vers:all/*')).toBe('All versions');
    expect(versionRangeText(t, 'vers:all/<V3.5.20')).toBe('Below V3.5.20');
    expect(versionRangeText(t, 'vers:generic/>=4.0|<=4.6')).toBe('4.0 or later, 4.6 or earlier');
    expect(versionRangeText(t, 'vers:generic/>1.0|!=1.2|%3C2.0')).toBe(
      'Later than 1.0, except 1.2, below 2.0',
    );
    expect(versionRangeText(t, 'vers:generic/2.1')).toBe('2.1');
    const deT = await tFor('de');
    expect(versionRangeText(deT, 'vers:all/*')).toBe('Alle Versionen');
    expect(versionRangeText(deT, 'vers:all/<V3.5.20')).toBe('Vor V3.5.20');
  });

  it('keeps the free text other advisories write', async () => {
    const t = await tFor('en');
    expect(versionRangeText(t, '8.1.1.3 and prior')).toBe('8.1.1.3 and prior');
    expect(versionRangeText(t, '< 1.003')).toBe('< 1.003');
  });
});

describe('CVSS severities and remediation kinds in words', () => {
  it('says the severity an advisory records in capitals as a word, beside the score', async () => {
    const [en, de] = [await tFor('en'), await tFor('de')];
    expect(cvssWithSeverity(en, 'en', 9.8, 'CRITICAL')).toBe('CVSS 9.8 (Critical)');
    expect(cvssWithSeverity(de, 'de', 9.8, 'CRITICAL')).toBe('CVSS 9,8 (Kritisch)');
    expect(cvssWithSeverity(de, 'de', 5.3, 'medium')).toBe('CVSS 5,3 (Mittel)');
    expect(cvssWithSeverity(de, 'de', 7, null)).toBe('CVSS 7,0');
    expect(severityText(de, 'HIGH')).toBe('Hoch');
    expect(severityText(de, 'NONE')).toBe('Keine');
    // A word CVSS does not define is shown as the advisory wrote it.
    expect(severityText(de, 'Severe')).toBe('Severe');
  });

  it('names the kind of the vendor’s advice in the reader’s language', async () => {
    const [en, de] = [await tFor('en'), await tFor('de')];
    expect(remediationCategoryText(en, 'vendor_fix')).toBe('Vendor fix');
    expect(remediationCategoryText(de, 'vendor_fix')).toBe('Fix des Herstellers');
    expect(remediationCategoryText(de, 'mitigation')).toBe('Schutzmaßnahme');
    expect(remediationCategoryText(de, 'some_new_kind')).toBe('some new kind');
  });
});
