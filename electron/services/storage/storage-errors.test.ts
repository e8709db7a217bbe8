import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorWordsIn, errorWordsOf } from '../../api/error-words';
import { ServiceError } from '../core/errors';
import { cleanupAfterEach } from '../test/cleanups';
import { describeStorageFailure, openFileLog } from './storage-errors';

const { folder } = cleanupAfterEach();

/** The sentence in both languages, and what stays behind Details. */
function worded(error: ServiceError | undefined) {
  if (!error) throw new Error('not worded');
  const words = errorWordsOf(error.details);
  if (!words) throw new Error(`${error.message} carries no words`);
  const details = error.details as { code?: unknown; technical?: unknown };
  return {
    en: errorWordsIn('en', words),
    de: errorWordsIn('de', words),
    code: details.code,
    technical: details.technical,
  };
}

describe('storage failures in words, their codes behind Details', () => {
  it('a damaged database: SQLite’s code and words are in the details, not in the sentence', () => {
    const dir = folder('standalone-damaged-');
    const file = path.join(dir, 'not-a-database.sqlite');
    fs.writeFileSync(file, 'this is not a database\n'.repeat(200));
    let raised: unknown;
    try {
      new Database(file).prepare('SELECT * FROM sqlite_master').all();
    } catch (error) {
      raised = error;
    }
    const refused = worded(describeStorageFailure(raised, { dataDir: dir, databaseFile: file }));
    expect(refused.en).toContain(`The database ${file} is damaged. What this call`);
    expect(refused.de).toContain(`Die Datenbank ${file} ist beschädigt. Was gerade`);
    for (const sentence of [refused.en, refused.de]) expect(sentence).not.toMatch(/SQLITE_/);
    expect(refused.code).toBe('SQLITE_NOTADB');
    expect(refused.technical).toMatch(/^SQLITE_NOTADB: file is not a database/);
  });

  it('a read-only drive and an input/output error say so without the code', () => {
    const where = { dataDir: '/media/usb/data', databaseFile: '/media/usb/data/db.sqlite' };
    for (const [code, en, de] of [
      ['SQLITE_READONLY_DBMOVED', 'is read-only.', 'ist schreibgeschützt.'],
      ['EROFS', 'is read-only.', 'ist schreibgeschützt.'],
      ['SQLITE_IOERR_WRITE', 'input/output error.', 'Ein-/Ausgabefehler.'],
      ['EIO', 'input/output error.', 'Ein-/Ausgabefehler.'],
    ] as const) {
      const error = Object.assign(new Error('the system’s own words'), { code });
      const refused = worded(describeStorageFailure(error, where));
      expect(refused.en).toContain(en);
      expect(refused.de).toContain(de);
      for (const sentence of [refused.en, refused.de]) {
        expect(sentence).not.toContain(code);
        expect(sentence).not.toContain('the system’s own words');
      }
      expect(refused.code).toBe(code);
      expect(refused.technical).toBe(`${code}: the system’s own words`);
    }
  });

  it('a data folder whose log cannot be written says why in words, the code behind Details', () => {
    const dir = folder('standalone-log-');
    fs.writeFileSync(path.join(dir, 'logs'), 'a file where the log folder belongs');
    let raised: unknown;
    try {
      openFileLog(dir);
    } catch (error) {
      raised = error;
    }
    if (!(raised instanceof ServiceError)) throw new Error('expected a ServiceError');
    expect(raised.code).toBe('storage_error');
    const refused = worded(raised);
    expect(refused.en).toContain(
      `The data folder ${dir} cannot be written to: a part of the path is a file, not a folder.`,
    );
    expect(refused.de).toContain(
      `In den Datenordner ${dir} kann nicht geschrieben werden: ein Teil des Pfads ist eine Datei, kein Ordner.`,
    );
    for (const sentence of [refused.en, refused.de]) expect(sentence).not.toContain('ENOTDIR');
    expect(refused.code).toBe('ENOTDIR');
  });
});
