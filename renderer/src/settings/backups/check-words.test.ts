import { describe, expect, it } from 'vitest';
import type { BackupVerification } from '../../../../electron/api/domains/backup';
import { serviceSentence } from '../../components/error-words';
import { tFor } from '../../i18n/test/translator';
import { checkDetailText, restoreRefusalIn } from './check-words';

/** What SQLite says of a file it cannot read, and of damaged pages, as it says it. */
const sqliteWords = [
  'file is not a database',
  '*** in database main *** Tree 12 page 12 cell 0: invalid page number 1515870810',
];

const unreadable = {
  name: 'standalone_database',
  status: 'failed',
  detail: `it is not a database SQLite can read (${sqliteWords[0]})`,
  words: { key: 'notSqlite', params: {}, technical: sqliteWords[0] },
} as const;

describe('a backup SQLite cannot read, in words for people', () => {
  it('says what is wrong in the reader’s language, SQLite’s words left to Details', async () => {
    for (const language of ['de', 'en'] as const) {
      const t = await tFor(language);
      const checks = [
        { key: 'notSqlite', technical: sqliteWords[0] },
        { key: 'schemaUnreadable', technical: sqliteWords[0] },
        { key: 'damaged', technical: sqliteWords[1] },
        { key: 'auditUnreadable', technical: 'no such table: audit_events' },
      ] as const;
      for (const { key, technical } of checks) {
        const text = checkDetailText(t, { key, params: {}, technical });
        expect(text).not.toContain(technical);
        expect(text).not.toMatch(/\(\)|\{\{|: $/);
        expect(text).toMatch(language === 'de' ? /Datei/ : /file/);
      }
    }
  });

  it('puts what SQLite said behind Details of a refused restore, not in its sentence', async () => {
    const t = await tFor('de');
    const verification = { ok: false, checks: [unreadable] } as unknown as BackupVerification;
    const refusal = restoreRefusalIn(t, {
      code: 'invalid_input',
      message: `The backup b.sqlite was not restored: ${unreadable.detail}. Nothing was changed.`,
      details: {
        verification,
        words: { key: 'backupNotRestored', params: { file: 'b.sqlite', problems: 'x' } },
      },
    });
    const sentence = serviceSentence(t, refusal);
    expect(sentence).toContain('keine Datenbank, die SQLite lesen kann');
    expect(sentence).not.toContain(sqliteWords[0]);
    expect((refusal.details as { technical?: unknown }).technical).toBe(sqliteWords[0]);
  });
});
