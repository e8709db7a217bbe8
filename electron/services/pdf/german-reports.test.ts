import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../api/methods';
import { notableActions, activitySentence, describeEvent } from '../reports/activity-words';
import { caseEvent } from '../reports/test/case-event';
import { demoCase, demoTimeNow, operator } from './test/demo-exports';
import { demoExportsPerFile } from './test/demo-exports-per-file';
import { pdftotext } from './independent-tools';
import type { PdfExportMethod } from './test/export-kinds';
import { pdfWords } from './words';

/**
 * A German station's PDFs say in German what the records hold: HICS 214's activity sentences,
 * HICS 251's systems, and recorded values such as a device's criticality. The demo facility's
 * walkthrough gives them real activities; pdftotext reads them back.
 */

const t = demoExportsPerFile('standalone-german-pdf-');

async function exportedFile(
  method: PdfExportMethod,
  input: InputOf<PdfExportMethod>,
): Promise<{ file: string; base64: string }> {
  const pdf = await t.rt.client(operator).value(method, { ...input, language: 'de' });
  const file = path.join(t.out.dir, `${method}-${JSON.stringify(input).replace(/\W/g, '')}.pdf`);
  fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  return { file, base64: pdf.base64 };
}

async function exported(method: PdfExportMethod, input: InputOf<PdfExportMethod>): Promise<string> {
  return pdftotext((await exportedFile(method, input)).file).replace(/\s+/g, ' ');
}

describe('German PDFs', () => {
  it('word the HICS 214 activities in German', async () => {
    const text = await exported('exports.incidentPdf', {
      incidentId: t.demo.incidentId,
      report: 'hics214',
    });
    expect(text).toContain('HICS 214');
    expect(text).toMatch(/Vorfall „[^“]+“ mit \d+ Fällen eröffnet/);
    expect(text).toMatch(/von „In Beurteilung“ auf „/);
    expect(text).not.toMatch(/\bMoved\b|\bOpened the\b|\bAnswered the\b|\bSigned off\b/);
  });

  it('name each HICS 251 system with its German asset-tag label', async () => {
    const text = await exported('exports.incidentPdf', {
      incidentId: t.demo.incidentId,
      report: 'hics251',
    });
    expect(text).toContain('Siemens Biograph mCT (Inventar-Nr. NM-0001)');
    expect(text).not.toContain('(asset ');
  });

  it('print a device’s recorded criticality in German on the case PDF', async () => {
    const text = await exported('exports.casePdf', { caseId: demoCase(t.demo, 'NM-0001') });
    expect(text).toMatch(/Kritisch/);
    expect(text).toContain('9,8 kritisch');
    expect(text).not.toMatch(/\b9\.8\b/);
    expect(text).not.toMatch(/\bcritical\b/);
  });

  it('print the playbook’s questions and choices in German, and verify against the record', async () => {
    const { file, base64 } = await exportedFile('exports.casePdf', {
      caseId: demoCase(t.demo, 'NM-0001'),
    });
    const text = pdftotext(file).replace(/\s+/g, ' ');
    expect(text).toContain('Expositionsbeurteilung');
    expect(text).toContain('In welchem Netzwerksegment ist das Gerät?');
    expect(text).toContain('Liegt ein Patient auf dem Tisch, oder läuft eine Aufnahme?');
    expect(text).not.toContain('Which network segment is the device on?');
    expect(text).not.toContain('Is a patient on the table');
    // What the PDF says is rebuilt from the audit trail in the same words, so it verifies.
    const report = await t.rt
      .client(operator)
      .value('exports.verifyPdf', { fileName: 'case-de.pdf', base64 });
    expect(report.valid).toBe(true);
    expect(report.document?.playbookLanguage).toBe('de');
    expect(report.content).toMatchObject({ checked: true, matches: true });
    // Screen readers read it as German: the document's language says so.
    const doc = await PDFDocument.load(Buffer.from(base64, 'base64'), { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(de)');
  });
});

describe('activity sentences', () => {
  it('have words in both languages for every notable action, with nothing left unfilled', () => {
    const de = pdfWords('de');
    for (const action of notableActions) {
      const payload = {
        from: 'at_risk',
        to: 'assessing',
        kind: 'risk_acceptance',
        sectionId: 'backup',
        caseIds: [7],
        name: 'Alarm',
        bulkDecisionId: 3,
        reason: 'seen at 08:10',
      };
      const described = describeEvent(caseEvent(demoTimeNow, action, payload), 'NM-0042');
      if (!described) throw new Error(`${action} has no sentence`);
      const german = activitySentence(de, described.words);
      expect(german, action).not.toBe(described.sentence);
      expect(`${german} ${described.sentence}`, action).not.toMatch(/\{\{|activities\./);
    }
  });

  it('sum a run of checklist answers in the reader’s language', () => {
    const answered = caseEvent(demoTimeNow, 'case.answered', { sectionId: 'backup' });
    const described = describeEvent(answered, 'NM-0042');
    if (!described) throw new Error('case.answered has no sentence');
    const words = { ...described.words, items: 6 };
    expect(activitySentence(pdfWords('en'), words)).toBe(
      'Answered the backup checklist of NM-0042 (6 items)',
    );
    expect(activitySentence(pdfWords('de'), words)).toBe(
      'Backup-Checkliste von NM-0042 beantwortet (6 Einträge)',
    );
  });
});
