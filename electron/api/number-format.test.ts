import { describe, expect, it } from 'vitest';
import { formatCvss, formatDecimal, formatEntered } from './number-format';

describe('numbers in the reader’s language', () => {
  it('writes a decimal point in English and a decimal comma in German', () => {
    expect(formatDecimal(0.7384, 'en', 2)).toBe('0.74');
    expect(formatDecimal(0.7384, 'de', 2)).toBe('0,74');
    expect(formatCvss(9.8, 'en')).toBe('9.8');
    expect(formatCvss(9.8, 'de')).toBe('9,8');
  });

  it('keeps the precision asked for, trailing zeros included', () => {
    expect(formatDecimal(0.7, 'en', 2)).toBe('0.70');
    expect(formatDecimal(0.7, 'de', 2)).toBe('0,70');
    expect(formatCvss(10, 'de')).toBe('10,0');
    expect(formatDecimal(97.25, 'de', 1)).toBe('97,3');
  });

  it('shows an entered number as entered, with the language’s decimal sign', () => {
    expect(formatEntered(2.5, 'en')).toBe('2.5');
    expect(formatEntered(2.5, 'de')).toBe('2,5');
    expect(formatEntered(1200, 'de')).toBe('1200');
    expect(formatEntered(3, 'de')).toBe('3');
  });

  it('groups thousands the language’s way', () => {
    expect(formatDecimal(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatDecimal(1234.5, 'de', 1)).toBe('1.234,5');
  });
});
