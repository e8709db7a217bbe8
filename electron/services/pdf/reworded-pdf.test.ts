import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { databaseFileName } from '../db/open';
import { pdfsig, pdftotext } from './independent-tools';
import { buildCaseDocument } from './case-document';
import { exportSignedPdf } from './sign';
import { demoCase, operator } from './test/demo-exports';
import { demoExportsPerFile } from './test/demo-exports-per-file';
import { verifyPdf } from './verify';
import type * as Words from './words';
import type { PdfWordKey, PdfWords } from './words';

/**
 * A later version may word a document differently. A PDF worded by an earlier version (here:
 * the catalogue with a few texts changed while it is made) still matches the record when the
 * record's values are the same, and names the reworded sections; an altered record still fails.
 */

const earlier = vi.hoisted(() => ({ on: false }));

/** The texts the "earlier version" had: its catalogue differed in these. */
const earlierTexts: Partial<Record<PdfWordKey, string>> = {
  'case.device': 'Medical device',
  'case.serial': 'Serial no.',
  'case.signOffs': 'Signatures',
  'reports.hics251Title': 'HICS 251 — System status',
};

vi.mock('./words', async (importOriginal) => {
  const actual = await importOriginal<typeof Words>();
  return {
    ...actual,
    pdfWords: (...args: Parameters<typeof actual.pdfWords>): PdfWords => {
      const today = actual.pdfWords(...args);
      const words = (key: PdfWordKey, values?: Record<string, string | number>) =>
        (earlier.on ? earlierTexts[key] : undefined) ?? today(key, values);
      return Object.assign(words, { language: today.language });
    },
  };
});

const t = demoExportsPerFile('standalone-reworded-');

/** The signed PDF `exported` gives, made while the earlier wording is in force, kept as `name`. */
async function madeEarlier(
  name: string,
  exported: () => Promise<{ base64: string }>,
): Promise<{ pdf: Buffer; file: string }> {
  earlier.on = true;
  try {
    const pdf = Buffer.from((await exported()).base64, 'base64');
    const file = path.join(t.out.dir, name);
    fs.writeFileSync(file, pdf);
    return { pdf, file };
  } finally {
    earlier.on = false;
  }
}

/** A change made as an attacker with file access would: plain SQL on a connection of its own. */
function rawSql(sql: string, ...params: unknown[]): void {
  const db = new Database(path.join(t.rt.dir, databaseFileName));
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

const casePdf = (assetTag: string) => () =>
  t.rt.client(operator).value('exports.casePdf', { caseId: demoCase(t.demo, assetTag) });

describe('verify-pdf of a PDF worded by an earlier version', () => {
  it('matches the record when its values are the same, and names the reworded sections', async () => {
    const { pdf, file } = await madeEarlier('case-earlier.pdf', casePdf('NM-0001'));
    const text = pdftotext(file).replace(/\s+/g, ' ');
    expect(text).toContain('Signatures');
    expect(text).toContain('Serial no.');
    expect(pdfsig(file).signatureLine).toBe('Signature is Valid.');

    const report = await verifyPdf(t.rt.services, pdf);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.document?.values).toBeDefined();
    expect(report.content).toMatchObject({
      checked: true,
      matches: true,
      changedSections: [],
      // Named as this version words them.
      wordedBy: { version: report.document?.app.version, sections: ['Device', 'Sign-offs'] },
    });
  });

  it('does the same for an incident report (HICS 251)', async () => {
    const { pdf, file } = await madeEarlier('hics251-earlier.pdf', () =>
      t.rt
        .client(operator)
        .value('exports.incidentPdf', { incidentId: t.demo.incidentId, report: 'hics251' }),
    );
    expect(pdftotext(file)).toContain('HICS 251 — System status');
    const report = await verifyPdf(t.rt.services, pdf);
    expect(report.problems).toEqual([]);
    expect(report.content).toMatchObject({
      matches: true,
      wordedBy: { sections: ['Document header'] },
    });
  });

  it('a PDF the same version made says nothing of wording', async () => {
    const value = await casePdf('NM-0003')();
    const report = await verifyPdf(t.rt.services, Buffer.from(value.base64, 'base64'));
    expect(report.valid).toBe(true);
    expect(report.content?.matches).toBe(true);
    expect(report.content?.wordedBy).toBeUndefined();
  });

  it('still fails, naming the section, when the record it was made from was altered', async () => {
    const serial = "SELECT serial_number FROM devices WHERE asset_tag = 'NM-0001'";
    const honest = t.rt.services.db.prepare(serial).pluck().get();
    rawSql("UPDATE devices SET serial_number = 'SN-FORGED' WHERE asset_tag = 'NM-0001'");
    let pdf: Buffer;
    try {
      ({ pdf } = await madeEarlier('case-forged.pdf', casePdf('NM-0001')));
    } finally {
      rawSql("UPDATE devices SET serial_number = ? WHERE asset_tag = 'NM-0001'", honest);
    }
    expect(t.rt.services.db.prepare(serial).pluck().get()).toBe(honest);
    const report = await verifyPdf(t.rt.services, pdf);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['content_mismatch']);
    expect(report.problems[0]?.message).toContain('(Device)');
    expect(report.content).toMatchObject({
      matches: false,
      changedSections: ['Device'],
      alteredSections: [],
    });
    expect(report.content?.wordedBy).toBeUndefined();
  });

  it('a PDF that carries only the words’ hash is checked by its words, as before', async () => {
    const caseId = demoCase(t.demo, 'NM-0001');
    const older = async (reworded: boolean) => {
      earlier.on = reworded;
      try {
        const model = buildCaseDocument(t.rt.services, caseId, t.rt.clock.now());
        return await exportSignedPdf(t.rt.services, { ...model, values: undefined });
      } finally {
        earlier.on = false;
      }
    };
    const same = await verifyPdf(t.rt.services, await older(false));
    expect(same.document?.values).toBeUndefined();
    expect(same.valid).toBe(true);
    expect(same.content).toMatchObject({ matches: true, changedSections: [] });

    const reworded = await verifyPdf(t.rt.services, await older(true));
    expect(reworded.valid).toBe(false);
    expect(reworded.problems.map((p) => p.code)).toEqual(['content_mismatch']);
    expect(reworded.content?.changedSections).toEqual(
      expect.arrayContaining(['Device (new)', 'Medical device (gone)']),
    );
  });
});
