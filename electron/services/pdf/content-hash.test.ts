import { describe, expect, it } from 'vitest';
import { changedSections, compareContent, documentContent } from './content-hash';
import { caseFileName, safeFileName } from './file-names';
import type { PdfDocumentModel } from './model';

const model = (signer: string, serial = 'SN-1'): PdfDocumentModel => ({
  kind: 'case',
  title: 'Device case NM-0001',
  facility: 'Kantonsspital Zürich-Nord',
  generatedAt: new Date('2017-08-03T09:00:00Z'),
  subjects: [{ entityType: 'case', entityId: '1' }],
  auditReference: null,
  signatureReason: 'test',
  blocks: [
    { kind: 'heading', text: 'Device' },
    { kind: 'keyValue', rows: [{ key: 'Serial number', value: serial }] },
    { kind: 'heading', text: 'Sign-offs' },
    {
      kind: 'signOffs',
      entries: [
        {
          name: signer,
          role: 'Biomed',
          time: new Date('2017-08-03T09:00:00Z'),
          statement: 'I confirm.',
          status: 'valid',
        },
      ],
    },
  ],
});

describe('documentContent', () => {
  it('is the same for the same content and names the sections that differ', () => {
    const a = documentContent(model('Łukasz Wróbel'));
    expect(documentContent(model('Łukasz Wróbel'))).toEqual(a);
    const b = documentContent(model('陈静'));
    expect(b.sha256).not.toBe(a.sha256);
    expect(changedSections(a, b)).toEqual(['Sign-offs']);
    expect(changedSections(a, documentContent(model('Łukasz Wróbel', 'SN-2')))).toEqual(['Device']);
  });

  it('ignores the audit reference and the signature reason, which are checked on their own', () => {
    const a = documentContent(model('x'));
    const b = documentContent({
      ...model('x'),
      auditReference: { eventId: 9, hash: 'f'.repeat(64) },
      signatureReason: 'other',
    });
    expect(b).toEqual(a);
  });
});

describe('compareContent', () => {
  /** A model worded by `heading` for "Sign-offs", with its values as catalogue keys. */
  const carried = (signer: string, heading: string, serial = 'SN-1') => {
    const worded = model(signer, serial);
    const keyed = model(signer, serial);
    const rename = (m: PdfDocumentModel, device: string, signOffs: string) =>
      m.blocks.forEach((b) => {
        if (b.kind === 'heading') b.text = b.text === 'Device' ? device : signOffs;
      });
    rename(worded, 'Device', heading);
    rename(keyed, 'case.device', 'case.signOffs');
    return { content: documentContent(worded), values: documentContent(keyed) };
  };

  it('matches by the values when only the words differ, naming the reworded sections', () => {
    expect(compareContent(carried('x', 'Signatures'), carried('x', 'Sign-offs'))).toEqual({
      matches: true,
      changedSections: [],
      reworded: ['Sign-offs'],
    });
    expect(compareContent(carried('x', 'Sign-offs'), carried('x', 'Sign-offs'))).toEqual({
      matches: true,
      changedSections: [],
    });
  });

  it('names a section whose values differ as worded today, whatever the PDF called it', () => {
    expect(compareContent(carried('x', 'Signatures'), carried('y', 'Sign-offs'))).toEqual({
      matches: false,
      changedSections: ['Sign-offs'],
    });
  });

  it('compares the words alone when the PDF carries no values', () => {
    const older = { content: carried('x', 'Signatures').content };
    expect(compareContent(older, carried('x', 'Sign-offs'))).toEqual({
      matches: false,
      changedSections: ['Sign-offs (new)', 'Signatures (gone)'],
    });
  });
});

describe('file names', () => {
  it('keeps letters, digits, dots and dashes, and nothing that walks out of a folder', () => {
    expect(caseFileName({ caseId: 3, assetTag: 'NM-0003', trackingId: 'ICSMA-17-215-02' })).toBe(
      'case-NM-0003-ICSMA-17-215-02-3.pdf',
    );
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(safeFileName('summary-ICSMA response Zürich')).toBe('summary-ICSMA-response-Zurich.pdf');
    expect(safeFileName('陈静')).toBe('document.pdf');
  });
});
