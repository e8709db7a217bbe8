import { describe, expect, it } from 'vitest';
import de from './i18n/errors.de.json' with { type: 'json' };
import en from './i18n/errors.en.json' with { type: 'json' };
import { systemCauseTerm } from './system-cause';

const english: Record<string, string> = en.serviceTerms;
const german: Record<string, string> = de.serviceTerms;

describe('systemCauseTerm: a system code in people’s words', () => {
  it.each([
    [
      'ENOENT',
      'write',
      'a folder on the way does not exist',
      'ein Ordner auf dem Weg dorthin existiert nicht',
    ],
    [
      'EACCES',
      'write',
      'there is no permission to write there',
      'es fehlt die Berechtigung, dort zu schreiben',
    ],
    [
      'EPERM',
      'write',
      'there is no permission to write there',
      'es fehlt die Berechtigung, dort zu schreiben',
    ],
    [
      'EACCES',
      'read',
      'there is no permission to read it',
      'es fehlt die Berechtigung, ihn zu lesen',
    ],
    ['EROFS', 'write', 'the drive is read-only', 'das Laufwerk ist schreibgeschützt'],
    ['SQLITE_READONLY', 'write', 'the drive is read-only', 'das Laufwerk ist schreibgeschützt'],
    ['ENOSPC', 'write', 'the drive is full', 'das Laufwerk ist voll'],
    ['SQLITE_FULL', 'write', 'the drive is full', 'das Laufwerk ist voll'],
    [
      'ENOTDIR',
      'write',
      'a part of the path is a file, not a folder',
      'ein Teil des Pfads ist eine Datei, kein Ordner',
    ],
    [
      'EIO',
      'read',
      'the drive reported an input/output error',
      'das Laufwerk meldete einen Ein-/Ausgabefehler',
    ],
    [
      'EISDIR',
      'write',
      'the system refused it (the reason is under Details)',
      'das System hat es abgelehnt (der Grund steht unter „Details“)',
    ],
    [
      '',
      'write',
      'the system refused it (the reason is under Details)',
      'das System hat es abgelehnt (der Grund steht unter „Details“)',
    ],
  ] as const)('%s (%s) → “%s”', (code, doing, en, de) => {
    const term = systemCauseTerm(code, doing);
    expect(english[term]).toBe(en);
    expect(german[term]).toBe(de);
  });
});
