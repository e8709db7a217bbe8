import { describe, expect, it } from 'vitest';
import { draftHasEntries } from './draft-content';

describe('what a draft holds', () => {
  it('is nothing when every field was cleared again or is as the form started', () => {
    expect(draftHasEntries({ 'backup/taken_by': null, 'gate/notes': null }, {})).toBe(false);
    const empty = { displayName: '', staffId: '', roles: [] };
    expect(draftHasEntries({ displayName: '', staffId: '', roles: [] }, empty)).toBe(false);
    expect(draftHasEntries({}, empty)).toBe(false);
  });

  it('is something when any field holds what was typed or chosen', () => {
    expect(draftHasEntries({ 'gate/notes': 'VLAN 40', other: null }, {})).toBe(true);
    const empty = { displayName: '', staffId: '', roles: [] };
    expect(draftHasEntries({ ...empty, roles: ['technologist'] }, empty)).toBe(true);
    expect(draftHasEntries({ ...empty, displayName: 'Night Nurse' }, empty)).toBe(true);
  });
});
