import { describe, expect, it } from 'vitest';
import { de, en } from './resources';

/**
 * The sentences people read carry no system codes, errno names, SQLite codes, schema paths or
 * exception text: those go behind "Details" (an error's `details.technical`), and the sentence
 * says in words what went wrong (api/system-cause.ts). A placeholder whose name says it holds such
 * a thing fails here, unless it is listed below with what it holds instead.
 */
const rawNames =
  /\{\{\s*(code|errno|reason|reasons|message|error|errors|problem|problems|technical|exception|stack|detail|details|path)\s*\}\}/g;

/** System codes written into a sentence as they are. */
const rawCodes =
  /\b(E(?:NOENT|ACCES|PERM|ROFS|NOSPC|DQUOT|NOTDIR|ISDIR|EXIST|IO|BUSY|MFILE|XDEV|NOTEMPTY)|SQLITE_[A-Z_]+)\b/;

/** Placeholders named like a code that hold people's words, each with what it holds. */
const wordedValues: Record<string, string> = {
  'errors.code': 'the API error code, shown inside Details itself',
  'pdf.reason': 'the reason a person typed',
  'pdf.record.reason': 'the reason a person typed',
  'pdf.hics251.withGate': 'the gate reason, worded from the gate catalogue',
  'pdf.activities.reasonSuffix': 'the reason a person typed',
  'pdf.reports.priorityLine': 'priority reasons, worded from the priority catalogue',
  'pdf.reports.priorityLineAt': 'priority reasons, worded from the priority catalogue',
  'board.table.priority': 'priority reasons, worded from the priority catalogue',
  'missingWords.sectionIncomplete': 'what a section lacks, worded from the missing catalogue',
  'serviceErrors.backupNotRestored':
    'the failed checks, worded by the reader (settings/backups/check-words.ts), SQLite’s words behind Details',
  'serviceErrors.backupNotRestoredForceable':
    'the failed checks, worded by the reader (settings/backups/check-words.ts), SQLite’s words behind Details',
  'inventory.matches.decided': 'the reason a person typed',
  'settings.auditBroken': 'the break, worded from settings.auditChainProblems',
  'settings.backups.checkDetails.chainBroken': 'the break, worded from settings.auditChainProblems',
  'settings.backups.restoredForced': 'the reason a person typed',
  'settings.backups.lastError':
    'the failure, worded from the errors catalogue; technical behind Details',
  'cases.answer.notSaved': 'the refusal, worded from the errors catalogue (serviceSentence)',
  'cases.heldElsewhere.reason': 'the reason a person typed',
  'exchange.requests.refused': 'the other station’s refusal, a sentence (no code)',
  'board.requests.line': 'the other station’s refusal, a sentence (no code)',
};

/** Every string of a catalogue with its dotted key. */
function strings(node: unknown, prefix = '', out: [string, string][] = []): [string, string][] {
  if (typeof node === 'string') out.push([prefix, node]);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      strings(value, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}

/** "key: the placeholder" for each placeholder named like raw system text, not listed above. */
export function rawPlaceholders(catalogue: unknown): string[] {
  return strings(catalogue).flatMap(([key, text]) => {
    const base = key.replace(/_(one|other)$/, '');
    if (base in wordedValues) return [];
    return [...text.matchAll(rawNames)].map((m) => `${key}: ${m[0]}`);
  });
}

describe('sentences people read carry no codes', () => {
  for (const [language, catalogue] of [
    ['English', en],
    ['German', de],
  ] as const) {
    it(`no ${language} sentence interpolates a code, errno, exception text or schema path`, () => {
      expect(rawPlaceholders(catalogue)).toEqual([]);
    });

    it(`no ${language} sentence spells out a system code`, () => {
      const spelled = strings(catalogue).filter(([, text]) => rawCodes.test(text));
      expect(spelled.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    });
  }

  it('finds a code put back into a sentence', () => {
    const catalogue = {
      serviceErrors: {
        folderCannotCreate: 'The {{what}} {{folder}} cannot be created ({{code}}).',
      },
    };
    expect(rawPlaceholders(catalogue)).toEqual(['serviceErrors.folderCannotCreate: {{code}}']);
    expect(rawCodes.test('The database is damaged (SQLITE_CORRUPT).')).toBe(true);
  });

  it('lists only keys that exist and still need listing', () => {
    const english = new Map(
      strings(en).map(([key, text]) => [key.replace(/_(one|other)$/, ''), text]),
    );
    const stale = Object.keys(wordedValues).filter((key) => {
      const text = english.get(key);
      return text === undefined || !new RegExp(rawNames.source).test(text);
    });
    expect(stale).toEqual([]);
  });
});
