import { describe, expect, it } from 'vitest';
import type { Hics251Report } from '../../../electron/api/domains/reports';
import { hics251RowWords } from '../../../electron/api/hics251-words';
import { englishGate } from '../../../electron/api/gate-words';
import { placeText } from '../../../electron/api/place-words';
import type { CaseDetail } from '../../../electron/api/domains/cases';
import { auditChainProblems } from '../../../electron/api/domains/system';
import { backupCheckDetails } from '../../../electron/api/domains/backup';
import { checkDetailText } from '../settings/backups/check-words';
import type { BriefingReport } from '../../../electron/api/domains/reports';
import { objectiveLines, situationText } from '../../../electron/api/briefing-words';
import { caseStates } from '../../../electron/api/domains/cases';
import { englishErrorWords, errorWordsIn } from '../../../electron/api/error-words';
import { localizeAnswerRefusal, localizeQuoted } from '../../../electron/api/playbook-words';
import template from '../../../resources/playbooks/icsma-standalone-response.v1.json';
import { wordsSentence } from '../components/error-words';
import { pdfLookup, placeIn } from '../components/report-words';
import { de } from './resources';
import { tFor } from './test/translator';

/** English words that must not appear in a German screen or PDF (German nouns are capitalised). */
const english = /\b(floor|room|revision|assigned|advisory|advisories|awaits|Advisory)\b/;

type Row = Hics251Report['rows'][number];

// No gate reason in this row: the gate's words have their own test (gate-words).
const row: Row = {
  caseId: 1,
  station: 'Einsatzleitung',
  heldHere: false,
  system: 'Siemens Biograph mCT (asset NM-PETCT-01)',
  label: 'Siemens Biograph mCT',
  assetTag: 'NM-PETCT-01',
  status: 'partially_functional',
  statusLabel: 'Partially functional',
  state: 'standalone',
  location: 'Main Campus, Building A, floor 1, room NM-104 (Nuclear Medicine)',
  place: { site: 'Main Campus', building: 'Building A', floor: '1', room: 'NM-104' },
  department: 'Nuklearmedizin',
  reason: 'Disconnected, running standalone',
  gateReason: null,
  gateReasonWords: null,
  estimatedReturn: null,
  comments: 'ICSMA-17-215-02 revision 3; assigned to Dana Biomed',
  advisory: { trackingId: 'ICSMA-17-215-02', version: '3' },
  assignee: null,
  awaitsReview: true,
};

/** Every German text of the catalogues, with its key. */
function texts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
}

describe('German words', () => {
  it('words a place in German, the same way the English one is worded', async () => {
    const t = await tFor('de');
    const place = { site: 'Main Campus', building: 'Building A', floor: '1', room: 'NM-104' };
    expect(placeIn(t, place)).toBe('Main Campus, Building A, Geschoss 1, Raum NM-104');
    expect(placeText(place)).toBe('Main Campus, Building A, floor 1, room NM-104');
    expect(placeIn(t, { site: null, building: null, floor: null, room: 'NM-104' })).toBe(
      'Raum NM-104',
    );
  });

  it('words a HICS 251 row with no English word in German', async () => {
    const t = await tFor('de');
    for (const assignee of [null, 'Dana Biomed']) {
      const words = hics251RowWords({ ...row, assignee }, pdfLookup(t), englishGate);
      for (const text of Object.values(words)) expect(text).not.toMatch(english);
      expect(words.location).toBe(
        'Main Campus, Building A, Geschoss 1, Raum NM-104 (Nuklearmedizin)',
      );
    }
    const en = hics251RowWords(row, pdfLookup(await tFor('en')), englishGate);
    expect(en.comments).toContain('ICSMA-17-215-02 revision 3');
    expect(en.comments).toContain('not assigned');
  });

  it('quotes with „…“ only, and calls an advisory a Sicherheitshinweis', () => {
    const all = texts(de);
    expect(all.filter(([, v]) => /[«»]/.test(v)).map(([k]) => k)).toEqual([]);
    // The English name may be given once, in quotation marks, to say what the word translates.
    const advisory = /(?<!„)Advisor(y|ys|ies)\b/;
    expect(all.filter(([, v]) => advisory.test(v)).map(([k]) => k)).toEqual([]);
  });

  it('words the problem under a question with the German label, answer and quotation marks', async () => {
    const t = await tFor('de');
    const labels = new Map([['Recovery media available', 'Wiederherstellungsmedien vorhanden']]);
    const words = localizeQuoted(
      {
        key: 'answerNeeds',
        params: { name: "'Recovery media available'", answer: "'No'", expected: "'Yes'" },
      },
      new Map([...labels, ['Yes', 'Ja'], ['No', 'Nein']]),
    );
    expect(wordsSentence(t, words)).toBe(
      '„Wiederherstellungsmedien vorhanden“ ist mit „Nein“ beantwortet; nötig ist „Ja“.',
    );
  });

  it('words a refused answer with the playbook’s German labels and answers, joined by „oder“', async () => {
    const t = await tFor('de');
    // As the services send it when "Studies not yet sent to PACS" is answered "Not yet done".
    const refusal = {
      key: 'answerNeeds' as const,
      params: {
        name: "'Studies not yet sent to PACS'",
        answer: "'Not yet done'",
        expected:
          "'All sent to PACS', 'Preserved locally on the device or on media' or 'None were waiting'",
      },
    };
    const labels = new Map([
      ['Studies not yet sent to PACS', 'Noch nicht ans PACS gesendete Untersuchungen'],
      ['Not yet done', 'Noch nicht erledigt'],
      ['All sent to PACS', 'Alle ans PACS gesendet'],
      ['Preserved locally on the device or on media', 'Lokal gesichert'],
      ['None were waiting', 'Keine waren ausstehend'],
    ]);
    const german = wordsSentence(t, localizeQuoted(refusal, labels));
    expect(german).toBe(
      '„Noch nicht ans PACS gesendete Untersuchungen“ ist mit „Noch nicht erledigt“ beantwortet; ' +
        'nötig ist „Alle ans PACS gesendet“, „Lokal gesichert“ oder „Keine waren ausstehend“.',
    );
    // The services' German words are the UI's, and English stays the services' English.
    expect(errorWordsIn('de', localizeQuoted(refusal, labels))).toBe(german);
    expect(errorWordsIn('en', refusal)).toBe(englishErrorWords(refusal));
  });

  it('words a refused save with the labels of the case’s own playbook in German', async () => {
    const t = await tFor('de');
    const detail = { template: { ...template, sections: template.sections } };
    const refusal = {
      key: 'answerNeeds' as const,
      params: { name: "'Recovery media available'", answer: "'No'", expected: "'Yes'" },
    };
    // Only the template's id, version and sections are read.
    const shown = localizeAnswerRefusal(detail as unknown as CaseDetail, 'de', refusal);
    expect(wordsSentence(t, shown)).toBe(
      '„Wiederherstellungsmedien vorhanden“ ist mit „Nein“ beantwortet; nötig ist „Ja“.',
    );
    expect(localizeAnswerRefusal(detail as unknown as CaseDetail, 'en', refusal)).toBe(refusal);
  });

  it('words a refused row of a list on screen as the services word it, in both languages', async () => {
    const [t, tEn] = [await tFor('de'), await tFor('en')];
    const detail = { template: { ...template, sections: template.sections } };
    // As the services send it when a study's priority is neither of its options.
    const refusal = {
      key: 'answerOneOf' as const,
      params: { options: "'Urgent' or 'Routine'" },
      rows: { name: { label: 'Study', n: 2, field: "'Priority'" } },
    };
    const shown = localizeAnswerRefusal(detail as unknown as CaseDetail, 'de', refusal);
    const german = wordsSentence(t, shown, 'de');
    expect(german).toBe(
      'Untersuchung 2: „Priorität“ muss eine dieser Antworten sein: „Dringend“ oder „Routine“.',
    );
    expect(errorWordsIn('de', shown)).toBe(german);
    expect(wordsSentence(tEn, refusal, 'en')).toBe(englishErrorWords(refusal));
    const kind = {
      key: 'answerMinRows' as const,
      params: { name: "'Injected patients waiting'", count: 1 },
      rows: { rows: { label: 'Injected patient' } },
    };
    const few = localizeAnswerRefusal(detail as unknown as CaseDetail, 'de', kind);
    expect(wordsSentence(t, few, 'de')).toBe(
      '„Wartende injizierte Patienten“ braucht mindestens 1 Eintrag (Injizierte Person).',
    );
    expect(wordsSentence(tEn, kind, 'en')).toBe(
      "'Injected patients waiting' needs at least 1 injected patient entry.",
    );
  });

  it('words every reason the audit check gives for a broken chain, in German', async () => {
    const [t, tEn] = [await tFor('de'), await tFor('en')];
    for (const kind of auditChainProblems) {
      const key = `settings.auditChainProblems.${kind}` as const;
      const german = t(key, { from: 7, to: 9 });
      expect(german).not.toBe(key);
      expect(german).not.toBe(tEn(key, { from: 7, to: 9 }));
      expect(german).not.toMatch(/\b(event|events|its|missing|chain|the)\b/);
      if (kind.startsWith('missing')) expect(german).toContain('7–9');
    }
  });

  it('words the briefing’s situation and objectives in German on screen, as its PDF does', async () => {
    const [t, tEn] = [await tFor('de'), await tFor('en')];
    const counts = Object.fromEntries(caseStates.map((s) => [s, 0])) as Record<
      (typeof caseStates)[number],
      number
    >;
    const situation: BriefingReport['situation'] = {
      summary: '3 devices in 1 incident; 2 assessing, 1 standalone',
      caseCount: 3,
      byStation: [
        { station: null, caseCount: 2 },
        { station: 'NM laptop 2', caseCount: 1 },
      ],
      openCaseCount: 3,
      countsByState: { ...counts, assessing: 2, standalone: 1 },
      countsByHics251: { fully_functional: 1, partially_functional: 1, non_functional: 1 },
      advisories: [
        {
          id: 1,
          trackingId: 'ICSMA-17-215-02',
          version: '3',
          title: 'Siemens Molecular Imaging',
          cves: [{ cve: 'CVE-2015-1635', cvss: 9.8 }],
          caseCount: 3,
        },
      ],
      attention: { blocked: 0, recheckOverdue: 0, needsReReview: 0, awaitingSignoff: 0 },
    };
    const german = situationText(situation, pdfLookup(t), 'de');
    expect(german).toContain('NM laptop 2 (1)');
    expect(german).not.toMatch(/\b(devices|incident|assessing|held|this station)\b/i);
    // Said without plurals that a count of 1 would get wrong („1 Sicherheitshinweisen“).
    expect(german).toContain('Sicherheitshinweise: 1 (ICSMA-17-215-02 Rev. 3; CVEs: 1)');
    expect(situationText(situation, pdfLookup(tEn), 'en')).toBe(situation.summary);
    const objectives: BriefingReport['objectiveCodes'] = [
      { code: 'protect', advisories: 'ICSMA-17-215-02' },
      { code: 'standalone', standalone: 1 },
      { code: 'patch', done: 0, total: 3 },
      { code: 'verify' },
      { code: 'reconnect', done: 0, total: 3 },
      { code: 'backups' },
    ];
    const lines = objectiveLines(objectives, pdfLookup(t));
    const english = objectiveLines(objectives, pdfLookup(tEn));
    lines.forEach((line, i) => {
      expect(line).not.toBe(english[i]);
      expect(line).not.toMatch(/\b(device|devices|the|every|before|after|patch)\b/);
    });
    expect(lines[2]).toContain('0');
  });

  it('words what every backup check found in German, with its times in the facility’s zone', async () => {
    const [t, tEn] = [await tFor('de'), await tFor('en')];
    const params = { sha256: 'ab12', expected: 'cd34', error: 'SQLITE_NOTADB' };
    const all = { ...params, schema: 21, app: 20, problems: 'page 3', id: 5, count: 9 };
    const at = { ...all, eventId: 12, issuedAt: '2026-12-03T12:35:00.000Z', more: 0 };
    for (const key of backupCheckDetails) {
      const german = checkDetailText(t, { key, params: at });
      expect(german).not.toMatch(/^settings\./);
      expect(german).not.toBe(checkDetailText(tEn, { key, params: at }));
      expect(german).not.toMatch(/\b(its|the|not|checked|written|event|audit trail)\b/);
      if (key.startsWith('anchor')) expect(german).toMatch(/2026-12-03 \d\d:35/);
    }
    const schema = checkDetailText(t, {
      key: 'foreignObjects',
      params: { more: 2 },
      differences: [{ type: 'trigger', name: 'log_all', kind: 'foreign' }],
    });
    expect(schema).toBe(
      'ihr Aufbau ist nicht der, den Standalone anlegt: Trigger log_all (nicht von Standalone angelegt) und 2 weitere',
    );
    const chain = checkDetailText(t, {
      key: 'chainBroken',
      params: { id: 7 },
      chain: { kind: 'missing_before', from: 5, to: 6 },
    });
    expect(chain).toBe(
      'ihr Audit-Trail ist bei Ereignis 7 unterbrochen: die Ereignisse 5–6 davor fehlen',
    );
  });
});
