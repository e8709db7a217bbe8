import { describe, expect, it } from 'vitest';
import type { ContentCheck } from '../../api/domains/pdf-verify';
import { describeContent } from './pdf';

/** What `verify-pdf` prints of the content check (the check itself: services/pdf tests). */

const check = (more: Partial<ContentCheck>): ContentCheck => ({
  checked: true,
  matches: true,
  asOfEventId: 173,
  changedSections: [],
  alteredSections: [],
  laterEvents: [],
  ...more,
});

describe('verify-pdf’s content lines', () => {
  it('a PDF worded by another version: the content matches, and the reworded sections are named', () => {
    expect(
      describeContent(check({ wordedBy: { version: '0.9.0', sections: ['Device', 'Sign-offs'] } })),
    ).toEqual([
      '  content matches the database as of audit event #173',
      "  worded by another version of the app (the PDF names Standalone 0.9.0): the record's values are the same; the words differ from this version's in: Device, Sign-offs",
    ]);
  });

  it('a PDF of this version says nothing of wording; a differing one names the sections', () => {
    expect(describeContent(check({}))).toEqual([
      '  content matches the database as of audit event #173',
    ]);
    expect(describeContent(check({ matches: false, changedSections: ['Device'] }))).toEqual([
      '  content differs from the database as of audit event #173 in: Device',
    ]);
  });
});
