import { describe, expect, it } from 'vitest';
import { englishErrorWords, errorWordsOf } from '../../api/error-words';
import { wordedError } from './errors';

describe('service errors worded from the catalogue', () => {
  it('builds the English message and carries the key and values for the UI', () => {
    const error = wordedError(
      'unauthenticated',
      'wrongSecret',
      { count: 2, minutes: 15 },
      {
        reason: 'wrong_secret',
      },
    );
    expect(error.message).toBe(
      'The PIN or password is not correct. 2 attempts are left before the account locks for 15 min.',
    );
    expect(error.details).toEqual({
      reason: 'wrong_secret',
      words: { key: 'wrongSecret', params: { count: 2, minutes: 15 } },
    });
    expect(englishErrorWords({ key: 'wrongSecret', params: { count: 1, minutes: 15 } })).toMatch(
      /1 attempt is left/,
    );
  });

  it('takes a count without plural forms as a plain value', () => {
    expect(
      englishErrorWords({
        key: 'pinLength',
        params: { min: 6, max: 32, count: 3, passwordMin: 10 },
      }),
    ).toMatch(/^A PIN needs 6 to 32 digits; this one has 3\./);
  });

  it('reads words from details only when the catalogue has the key', () => {
    expect(errorWordsOf({ words: { key: 'signedOut', params: {} } })).toEqual({
      key: 'signedOut',
      params: {},
    });
    expect(errorWordsOf({ words: { key: 'wrongSecret', params: { count: 1 } } })?.key).toBe(
      'wrongSecret',
    );
    expect(errorWordsOf({ words: { key: 'noSuchKey', params: {} } })).toBeUndefined();
    expect(errorWordsOf({ words: { key: 'signedOut', params: { x: {} } } })).toBeUndefined();
    expect(errorWordsOf(undefined)).toBeUndefined();
  });

  it('words the roles it names with their English labels', () => {
    const error = wordedError(
      'forbidden',
      'needsRoleOthers',
      { name: 'Ada' },
      {},
      {
        roles: {
          roles: ['clinical_lead', 'biomed'],
          role: ['technologist'],
          others: ['it_security'],
        },
      },
    );
    expect(error.message).toMatch(/^This needs the role .+ or .+; Ada is signed in as /);
    expect(error.message).not.toMatch(/clinical_lead|it_security/);
  });
});
