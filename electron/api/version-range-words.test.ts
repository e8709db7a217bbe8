import { describe, expect, it } from 'vitest';
import { versConstraints, versionRangeEnglish } from './version-range-words';

describe('vers ranges in words', () => {
  it('reads each constraint of a vers range', () => {
    expect(versConstraints('vers:all/*')).toEqual([{ kind: 'all', version: '' }]);
    expect(versConstraints('vers:generic/>=4.0|%3C4.6|!=4.2')).toEqual([
      { kind: 'atLeast', version: '4.0' },
      { kind: 'below', version: '4.6' },
      { kind: 'not', version: '4.2' },
    ]);
    expect(versConstraints('< 1.003')).toBeNull();
    expect(versConstraints('vers:all/')).toBeNull();
  });

  it('says a vers range in English and keeps free text as written', () => {
    expect(versionRangeEnglish('vers:all/*')).toBe('all versions');
    expect(versionRangeEnglish('vers:all/<V3.5.20')).toBe('below V3.5.20');
    expect(versionRangeEnglish('vers:generic/>1.0|<=2.0')).toBe('later than 1.0, 2.0 or earlier');
    expect(versionRangeEnglish('8.1.1.3 and prior')).toBe('8.1.1.3 and prior');
  });
});
