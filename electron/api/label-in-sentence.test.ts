import { describe, expect, it } from 'vitest';
import { labelInSentence } from './label-in-sentence';

describe('a label inside a sentence', () => {
  it('lowers the first letter in English, but not an acronym’s', () => {
    expect(labelInSentence('Injected patient', 'en')).toBe('injected patient');
    expect(labelInSentence('Study', 'en')).toBe('study');
    expect(labelInSentence('CT scan', 'en')).toBe('CT scan');
  });

  it('keeps German nouns capitalised', () => {
    expect(labelInSentence('Untersuchung', 'de')).toBe('Untersuchung');
    expect(labelInSentence('Injizierte Person', 'de')).toBe('Injizierte Person');
  });
});
