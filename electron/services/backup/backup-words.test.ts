import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-runtime';
import { errorWordsIn, errorWordsOf } from '../../api/error-words';
import { ServiceError } from '../core/errors';
import { describeFolderFailure } from './files';
import { verifyBackupFile } from './verify-backup';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A file in a folder of its own, with the .sha256 beside it that a backup has. */
function withChecksum(write: (file: string) => void): string {
  const t = tempDir('standalone-verify-words-');
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'backup.sqlite');
  write(file);
  const sha = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0] ?? '';
  fs.writeFileSync(`${file}.sha256`, `${sha}  backup.sqlite\n`);
  return file;
}

describe('what a backup check found, in words for people', () => {
  it('keeps what SQLite said out of the sentence: it goes behind Details', () => {
    const file = withChecksum((f) => fs.writeFileSync(f, 'this is not a database\n'.repeat(100)));
    const failed = verifyBackupFile(file).checks.find((c) => c.status === 'failed');
    expect(failed?.name).toBe('standalone_database');
    expect(failed?.words).toEqual({
      key: 'notSqlite',
      params: {},
      technical: expect.stringContaining('not a database') as unknown,
    });
    // The command line's English keeps SQLite's words for IT.
    expect(failed?.detail).toContain('not a database');
  });

  it('words a backup folder SQLite cannot write or read without its codes, in both languages', () => {
    for (const [code, text] of [
      ['SQLITE_READONLY', 'attempt to write a readonly database'],
      ['SQLITE_IOERR_WRITE', 'disk I/O error'],
      ['EACCES', "EACCES: permission denied, open '/media/usb/b.sqlite'"],
    ]) {
      const error = Object.assign(new Error(text), { code });
      const refused = describeFolderFailure(error, '/media/usb', 'takingBackup');
      if (!(refused instanceof ServiceError)) throw new Error(`${code} was not worded`);
      const words = errorWordsOf(refused.details);
      if (!words) throw new Error(`${code} has no words`);
      for (const language of ['de', 'en'] as const) {
        const sentence = errorWordsIn(language, words);
        expect(sentence).toContain('/media/usb');
        expect(sentence).not.toContain(code);
        expect(sentence).not.toContain(text);
      }
      expect(errorWordsIn('de', words)).toMatch(/Ordner|Laufwerk/);
      const technical = (refused.details as { technical?: unknown }).technical;
      expect(technical).toMatch(new RegExp(`^${code}: `));
      expect(technical).toContain(text);
    }
  });
});
