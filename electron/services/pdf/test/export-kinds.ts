import type { InputOf } from '../../../api/methods';
import { demoCase, type DemoExports } from './demo-exports';

/** The calls that export one signed PDF (each returns the file as `ExportedPdf`). */
export type PdfExportMethod = 'exports.casePdf' | 'exports.incidentPdf' | 'exports.blankPdf';

/**
 * Every kind of signed PDF the app makes, with what a reader must find in each (pdftotext):
 * the PDFs of the demo facility, in English and in the station's other language.
 */

/** The signers of NM-0001's sign-offs (the walkthrough's demo staff). */
export const signers = ['Dr. Amara Okafor (demo)', 'Łukasz Wróbel (demo)', 'Søren Ødegård (demo)'];
// DejaVu Sans has no CJK glyphs: 陈静 is drawn with the embedded Noto Sans SC subset.
export const cjkPrinted = '陈静 Chen Jing (demo)';

export interface ExportKind {
  name: string;
  method: PdfExportMethod;
  input: () => InputOf<PdfExportMethod>;
  expected: string[];
  /** The sign-off block's heading, in the PDF's language. */
  signedBy?: string;
}

export function exportKinds(demo: () => DemoExports): ExportKind[] {
  return [
    {
      name: 'case',
      method: 'exports.casePdf',
      input: () => ({ caseId: demoCase(demo(), 'NM-0001') }),
      expected: [
        'NM-0001',
        'ICSMA-17-215-02',
        'CVE-2015-1635',
        ...signers,
        'Returned to service',
        'Kantonsspital Zürich-Nord (demo)',
        'Page 1 of',
      ],
    },
    {
      // The station's language chosen for the PDF: the fixed words in German, the record as it is.
      name: 'case-german',
      method: 'exports.casePdf',
      input: () => ({ caseId: demoCase(demo(), 'NM-0001'), language: 'de' }),
      expected: [
        'Gerätefall NM-0001',
        'Inventarnummer',
        'Patientensicherheits-Prüfung',
        'Freigaben',
        'Statusverlauf',
        'Unterzeichnet von',
        ...signers,
        'Seite 1 von',
        // State names, the history's words and the gate's verdict follow the language too.
        'Wieder in Betrieb seit',
        'Zustand geändert: In Prüfung → Wird wieder verbunden',
        'Ergebnis frei',
      ],
      signedBy: 'Digital signiert von der Organisation',
    },
    {
      // A blocked gate in German: its reasons are worded from the gate's German words, and
      // verify-pdf rebuilds the same words from the record as of the PDF.
      name: 'case-german-blocked-gate',
      method: 'exports.casePdf',
      input: () => ({ caseId: demoCase(demo(), 'NM-0003'), language: 'de' }),
      expected: ['Gerätefall NM-0003', 'Zurückgestellt', 'Ergebnis blockiert', 'injizierte Person'],
      signedBy: 'Digital signiert von der Organisation',
    },
    {
      name: 'case-cjk-assignee',
      method: 'exports.casePdf',
      input: () => ({ caseId: demoCase(demo(), 'NM-0003') }),
      expected: ['NM-0003', 'ICSMA-17-215-02', cjkPrinted, 'Deferred', 'F-18', 'blocked'],
    },
    {
      name: 'summary',
      method: 'exports.incidentPdf',
      input: () => ({ incidentId: demo().incidentId, report: 'summary' }),
      expected: [
        'NM-0001',
        'NM-0003',
        'NM-0006',
        'ICSMA-17-215-02',
        'ICSMA-17-215-01',
        cjkPrinted,
        'María José Núñez (demo)',
      ],
    },
    {
      name: 'hics251',
      method: 'exports.incidentPdf',
      input: () => ({ incidentId: demo().incidentId, report: 'hics251' }),
      expected: ['HICS 251', 'NM-0001', 'NM-0006', 'ICSMA-17-215-02', 'Partially functional'],
    },
    {
      name: 'hics214',
      method: 'exports.incidentPdf',
      input: () => ({ incidentId: demo().incidentId, report: 'hics214' }),
      expected: ['HICS 214', 'NM-0001', ...signers, 'María José Núñez (demo)'],
    },
    {
      name: 'briefing',
      method: 'exports.incidentPdf',
      input: () => ({ incidentId: demo().incidentId, report: 'briefing' }),
      expected: ['Incident briefing', 'ICSMA-17-215-02', 'CVE-2015-1635', cjkPrinted],
    },
    {
      name: 'blank',
      method: 'exports.blankPdf',
      input: () => ({ templateId: 'icsma-standalone-response' }),
      expected: [
        'Blank checklist',
        'icsma-standalone-response',
        'Kantonsspital Zürich-Nord (demo)',
      ],
    },
    // Every PDF in the station's language: its fixed words and state names in German, the record
    // (names, advisories, playbook questions) as recorded.
    {
      name: 'summary-german',
      method: 'exports.incidentPdf',
      input: () => ({ incidentId: demo().incidentId, report: 'summary', language: 'de' }),
      expected: [
        'Fallübersicht',
        'Einsatzperiode',
        'Inventar-Nr.',
        'Gerät und Standort',
        'Wieder in Betrieb',
        'Zurückgestellt',
        'Teilweise funktionsfähig',
        cjkPrinted,
        'Seite 1 von',
      ],
      signedBy: 'Digital signiert von der Organisation',
    },
    {
      name: 'hics251-german',
      method: 'exports.incidentPdf',
      input: () => ({ incidentId: demo().incidentId, report: 'hics251', language: 'de' }),
      expected: [
        'HICS 251 — Status der Systeme der Einrichtung',
        'Erstellt von',
        'Zurück ca.',
        // The reason and comments worded from the row's data.
        'Getrennt, läuft standalone',
        'zugewiesen an',
        'Teilweise funktionsfähig',
        'NM-0001',
      ],
      signedBy: 'Digital signiert von der Organisation',
    },
    {
      name: 'hics214-german',
      method: 'exports.incidentPdf',
      input: () => ({ incidentId: demo().incidentId, report: 'hics214', language: 'de' }),
      expected: ['HICS 214 — Tätigkeitsprotokoll', 'Wesentliche Tätigkeit', ...signers],
      signedBy: 'Digital signiert von der Organisation',
    },
    {
      name: 'briefing-german',
      method: 'exports.incidentPdf',
      input: () => ({ incidentId: demo().incidentId, report: 'briefing', language: 'de' }),
      expected: [
        'Lagebesprechung',
        'Höchste Priorität zuerst',
        // The situation and the objectives worded from the report's data.
        'Sicherheitshinweise: 2 (',
        'Jedes gepatchte Gerät vor dem klinischen Einsatz prüfen',
        'aus dem Verwaltungsnetz erreichbar',
        'Geplante Maßnahmen',
        'Ressourcen',
        'Einsatzleitung',
        'CVE-2015-1635',
      ],
      signedBy: 'Digital signiert von der Organisation',
    },
    {
      name: 'blank-german',
      method: 'exports.blankPdf',
      input: () => ({ templateId: 'icsma-standalone-response', language: 'de' }),
      expected: [
        'Leere Checkliste',
        'Playbook-Vorlage icsma-standalone-response',
        'Papierformular für den Ausfall',
        'Ausgefüllt von',
        'Unterschrift',
        'Ja',
        'Nein',
      ],
      signedBy: 'Digital signiert von der Organisation',
    },
  ];
}
