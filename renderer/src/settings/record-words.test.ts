import { describe, expect, it } from 'vitest';
import type { RecordProblem } from '../../../electron/api';
import { tFor } from '../i18n/test/translator';
import { recordProblemText } from './record-words';

/** As the audit check reports a case whose state was changed outside the app, and a forged answer. */
const changedState: RecordProblem = {
  table: 'cases',
  key: 'id=3',
  keyParts: [{ column: 'id', value: 3 }],
  field: 'state',
  problem: 'differs',
  eventId: 41,
  expected: '"deferred"',
  actual: '"returned_to_service"',
};
const forgedAnswer: RecordProblem = {
  table: 'case_answers',
  key: 'case_id=3, section_id="backup", item_id="backup_verified"',
  keyParts: [
    { column: 'case_id', value: 3 },
    { column: 'section_id', value: 'backup' },
    { column: 'item_id', value: 'backup_verified' },
  ],
  field: 'answered_by_name',
  problem: 'differs',
  eventId: 12,
  expected: '"Dana"',
  actual: '"Mallory"',
};
const stray: RecordProblem = {
  table: 'signoffs',
  key: 'id=900',
  keyParts: [{ column: 'id', value: 900 }],
  field: null,
  problem: 'no_event',
  eventId: null,
};

describe('a record that does not match the audit trail, in words for people', () => {
  it('names the table, the row and the field in German', async () => {
    const t = await tFor('de');
    expect(recordProblemText(t, changedState)).toBe(
      'Fälle, Nr. 3: Zustand ist "returned_to_service", laut Audit-Trail (Ereignis 41) "deferred"',
    );
    expect(recordProblemText(t, forgedAnswer)).toBe(
      'Antworten der Fälle, Fall 3, Abschnitt backup, Frage backup_verified: ' +
        'Spalte „answered_by_name“ ist "Mallory", laut Audit-Trail (Ereignis 12) "Dana"',
    );
    expect(recordProblemText(t, stray)).toBe(
      'Freigaben, Nr. 900: Kein Audit-Ereignis hat diese Zeile geschrieben',
    );
  });

  it('names them in English, never as the database’s names of tables and keys', async () => {
    const t = await tFor('en');
    const line = recordProblemText(t, changedState);
    expect(line).toBe(
      'Cases, no. 3: state is "returned_to_service"; the audit trail (event 41) says "deferred"',
    );
    expect(recordProblemText(t, forgedAnswer)).toMatch(
      /^Case answers, case 3, section backup, question backup_verified: column answered_by_name is/,
    );
    for (const text of [line, recordProblemText(t, stray)]) {
      expect(text).not.toMatch(/\b(id=|case_id|signoffs)\b/);
    }
  });
});
