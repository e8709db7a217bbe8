import { describe, expect, it } from 'vitest';
import { tFor } from '../i18n/test/translator';
import { versionRangeText } from './advisory-text';

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
