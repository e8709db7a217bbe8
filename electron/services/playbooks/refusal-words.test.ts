import { describe, expect, it } from 'vitest';
import { errorWordsIn } from '../../api/error-words';
import { localizeAnswerRefusal } from '../../api/playbook-words';
import type { CaseDetail } from '../../api/domains/cases';
import { minutesFromNow, now, template } from '../workflow/test/workflow-fixtures';
import { findItem, validateAnswer } from './answers';

/** A refused answer as the case page and the case PDF word it in a language. */
function refusalIn(language: 'en' | 'de', itemId: string, value: unknown): string {
  const item = findItem(template, itemId)?.item;
  if (!item) throw new Error(`no item ${itemId}`);
  const check = validateAnswer(item, value, { now });
  if (check.ok) throw new Error(`${itemId} was accepted`);
  // Only the template's id, version and sections are read.
  const detail = { template } as unknown as CaseDetail;
  return errorWordsIn(language, localizeAnswerRefusal(detail, language, check.words));
}

/** English words that must not appear in these German lines. */
const english = /\b(Study|Injected|patient|entry|entries|must|one of|or|unanswered)\b/;

describe('a refused answer in the reader’s language', () => {
  it('names the options a choice allows with the playbook’s words, joined by „oder“', () => {
    const german = refusalIn('de', 'backup_verified', 'maybe');
    expect(german).toBe(
      '„Backup geprüft“ muss eine dieser Antworten sein: „Ja, Prüfsumme verglichen“, ' +
        '„Ja, ein Wiederherstellungstest war erfolgreich“ oder „Nicht geprüft“.',
    );
    expect(refusalIn('en', 'backup_verified', 'maybe')).toBe(
      "'Backup verified' must be one of: 'Yes, checksum compared', " +
        "'Yes, a restore test passed' or 'Not verified'.",
    );
  });

  it('names a row of a list by the playbook’s row label in the reader’s language', () => {
    const unanswered = [{ scheduled_at: minutesFromNow(60), priority: 'urgent' }];
    expect(refusalIn('de', 'upcoming_studies', unanswered)).toBe(
      'Untersuchung 1: „Wohin geht sie stattdessen?“ ist nicht beantwortet.',
    );
    expect(refusalIn('en', 'upcoming_studies', unanswered)).toBe(
      "Study 1: 'Where does it go instead?' is unanswered.",
    );
    const wrongChoice = [{ scheduled_at: minutesFromNow(60), priority: 'soon', plan: 'deferred' }];
    const german = refusalIn('de', 'upcoming_studies', wrongChoice);
    expect(german).toBe(
      'Untersuchung 1: „Priorität“ muss eine dieser Antworten sein: „Dringend“ oder „Routine“.',
    );
    expect(refusalIn('en', 'upcoming_studies', wrongChoice)).toBe(
      "Study 1: 'Priority' must be one of: 'Urgent' or 'Routine'.",
    );
    const extra = [{ radionuclide: 'F-18', injected_at: minutesFromNow(-5), initials: 'JD' }];
    expect(refusalIn('de', 'injected_patients', extra)).toBe(
      'Injizierte Person 1 hat Felder, nach denen diese Checkliste nicht fragt (initials).',
    );
    for (const rows of [[], { radionuclide: 'F-18' }, ['F-18']]) {
      const line = refusalIn('de', 'injected_patients', rows);
      expect(line).toContain('Injizierte Person');
      expect(line).not.toMatch(english);
    }
    expect(refusalIn('en', 'injected_patients', [])).toBe(
      "'Injected patients waiting' needs at least 1 injected patient entry.",
    );
  });
});
