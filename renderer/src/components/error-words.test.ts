import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api/client';
import { tFor } from '../i18n/test/translator';
import { errorLines, problemAt } from './error-words';

const refused: ApiError & {
  details: { issues: { path: string[]; at: string; message: string }[] };
} = {
  code: 'invalid_input',
  message: 'Invalid input for signing.generate: passphrase: Use at least 12 characters.',
  details: {
    issues: [
      { path: ['passphrase'], at: 'passphrase', message: 'Use at least 12 characters.' },
      { path: ['operationalPeriod', 'end'], at: 'operationalPeriod.end', message: 'Give a time.' },
      { path: ['signoff', 'maxAttempts'], at: 'signoff.maxAttempts', message: 'Too many.' },
    ],
  },
};

describe('errors in words for people', () => {
  it('names the field instead of the method and the schema path, which stay behind Details', async () => {
    const t = await tFor('en');
    expect(errorLines(t, refused)).toEqual({
      lines: [
        'Passphrase: Use at least 12 characters.',
        'End: Give a time.',
        // A field the catalogue does not name still reads as words.
        'Max attempts: Too many.',
      ],
      technical: true,
    });
  });

  it('names the field in German on a German station', async () => {
    const t = await tFor('de');
    expect(errorLines(t, refused).lines[0]).toBe('Passphrase: Use at least 12 characters.');
    expect(
      errorLines(t, { ...refused, details: { issues: refused.details.issues.slice(1, 2) } }),
    ).toEqual({
      lines: ['Ende: Give a time.'],
      technical: true,
    });
  });

  it('keeps a service sentence as it is when it is not about a field', async () => {
    const t = await tFor('en');
    const conflict: ApiError = { code: 'conflict', message: 'The incident is closed.' };
    expect(errorLines(t, conflict)).toEqual({
      lines: ['The incident is closed.'],
      technical: false,
    });
  });

  it('says a worded service error in the station language, at its field too', async () => {
    const pin: ApiError = {
      code: 'invalid_input',
      message: 'A PIN needs 6 to 32 digits; this one has 3. …',
      details: {
        field: 'secret',
        words: { key: 'pinLength', params: { min: 6, max: 32, count: 3, passwordMin: 10 } },
      },
    };
    const de = await tFor('de');
    expect(problemAt(de, pin, 'secret')).toBe(
      'Eine PIN braucht 6 bis 32 Ziffern; diese hat 3. Wählen Sie eine längere PIN oder ein Passwort mit mindestens 10 Zeichen.',
    );
    expect(problemAt(de, pin, 'displayName')).toBeNull();
    const wrong: ApiError = {
      code: 'unauthenticated',
      message: 'The PIN or password is not correct. 1 attempt is left …',
      details: { words: { key: 'wrongSecret', params: { count: 1, minutes: 15 } } },
    };
    expect(errorLines(de, wrong).lines).toEqual([
      'Die PIN bzw. das Passwort ist nicht korrekt. Noch 1 Versuch, bevor das Konto für 15 Min. gesperrt wird.',
    ]);
    const en = await tFor('en');
    expect(errorLines(en, wrong).lines[0]).toMatch(/1 attempt is left/);
  });

  it('words the roles a refusal names in the station language', async () => {
    const forbidden: ApiError = {
      code: 'forbidden',
      message: 'This needs the role Administrator; …',
      details: {
        method: 'people.create',
        words: {
          key: 'needsRoleOthers',
          params: { name: 'Ada' },
          roles: { roles: ['admin'], role: ['technologist'], others: ['clinical_lead', 'biomed'] },
        },
      },
    };
    const de = await tFor('de');
    const line = errorLines(de, forbidden).lines[0] ?? '';
    expect(line).toMatch(/^Dafür braucht es die Rolle Administrator; Ada ist angemeldet als /);
    expect(line).toContain(' oder ');
    expect(line).not.toContain('people.create');
  });

  it('says what is wrong with a refused field in the station language', async () => {
    const missing: ApiError = {
      code: 'invalid_input',
      message: 'Invalid input for people.create: displayName: Missing; fill it in.',
      details: {
        issues: [
          {
            path: ['displayName'],
            at: 'displayName',
            message: 'Missing; fill it in.',
            words: { key: 'missing', params: {} },
          },
          {
            path: ['secret'],
            at: 'secret',
            message: 'Too short; use at least 6 characters.',
            words: { key: 'textTooShort', params: { count: 6 } },
          },
        ],
      },
    };
    const de = await tFor('de');
    expect(errorLines(de, missing).lines).toEqual([
      'Name: Fehlt; bitte ausfüllen.',
      'PIN oder Passwort: Zu kurz; mindestens 6 Zeichen verwenden.',
    ]);
    expect(problemAt(de, missing, 'secret')).toBe('Zu kurz; mindestens 6 Zeichen verwenden.');
    const en = await tFor('en');
    expect(errorLines(en, missing).lines[0]).toBe('Name: Missing; fill it in.');
  });

  it('words the things and role lists a service sentence names in the station language', async () => {
    const full: ApiError = {
      code: 'storage_error',
      message: 'The disk holding /media/usb is full: the backup was not completed …',
      details: {
        words: {
          key: 'folderDiskFull',
          params: { folder: '/media/usb', code: 'ENOSPC', reason: 'ENOSPC' },
          terms: { doing: 'takingBackup' },
        },
      },
    };
    const de = await tFor('de');
    expect(errorLines(de, full).lines[0]).toBe(
      'Der Datenträger mit /media/usb ist voll: das Backup wurde nicht abgeschlossen, und nichts blieb halb geschrieben. Schaffen Sie Platz oder wählen Sie einen anderen Ordner.',
    );
    const wrongRole: ApiError = {
      code: 'forbidden',
      message: 'This sign-off can be given only by …',
      details: {
        words: {
          key: 'signoffWrongRole',
          params: { name: 'Ada' },
          roles: { allowed: ['clinical_lead'] },
          rolesAnd: { held: ['technologist', 'biomed'] },
        },
      },
    };
    const line = errorLines(de, wrongRole).lines[0] ?? '';
    expect(line).toMatch(/^Diese Freigabe kann nur .+ geben; Ada hat die Rolle .+ und .+\.$/);
  });
});
