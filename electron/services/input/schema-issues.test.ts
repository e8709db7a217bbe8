import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roles } from '../../api/permissions';
import type { InputIssue } from '../dispatcher';
import { signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import de from '../../api/i18n/errors.de.json' with { type: 'json' };

let rt: TestRuntime;
beforeEach(async () => {
  rt = startTestRuntime();
  await signInAs(rt, roles);
});
afterEach(() => rt.cleanup());

async function issuesOf(method: string, input: unknown): Promise<InputIssue[]> {
  // Raw on purpose: wrong input, which the typed client would not let through.
  const result = await rt.dispatch(method, input);
  if (result.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
  expect(result.error.code).toBe('invalid_input');
  return (result.error.details as { issues: InputIssue[] }).issues;
}

function byPath(issues: InputIssue[]): Record<string, InputIssue> {
  return Object.fromEntries(issues.map((i) => [i.at, i]));
}

describe('refused input, worded for people', () => {
  it('says what is wrong with each field in words, with their key for the UI', async () => {
    const issues = byPath(
      await issuesOf('incidents.create', {
        name: '   ',
        operationalPeriod: { start: 'yesterday', end: '2026-11-28T10:00:00.000Z' },
        advisoryIds: [],
        extra: 1,
      }),
    );
    expect(issues.name).toMatchObject({
      message: 'Empty; fill it in.',
      words: { key: 'empty', params: {} },
    });
    expect(issues.commanderUserId).toMatchObject({
      message: 'Missing; fill it in.',
      words: { key: 'missing' },
    });
    // The date's schema words its own message ("a date and time with its time zone, …").
    expect(issues['operationalPeriod.start']?.words).toBeUndefined();
    expect(issues.advisoryIds).toMatchObject({ message: 'Choose at least one.' });
    expect(issues['(input)']).toMatchObject({
      message: 'Not expected here: extra.',
      words: { key: 'unknownFields', params: { keys: 'extra' } },
    });
  });

  it('words wrong kinds and limits with their numbers', async () => {
    const kinds = byPath(await issuesOf('devices.list', { limit: '10', search: 5 }));
    expect(kinds.limit?.message).toBe('Must be a number.');
    expect(kinds.search?.message).toBe('Must be text.');
    const long = byPath(await issuesOf('devices.list', { search: 'x'.repeat(10_000) }));
    expect(long.search?.words).toEqual({ key: 'textTooLong', params: { count: 200 } });
    expect(long.search?.message).toBe('Too long; use at most 200 characters.');
    const big = byPath(await issuesOf('devices.list', { limit: 10_000_000 }));
    expect(big.limit?.words?.key).toBe('numberAtMost');
    // The summary names the method and path for the log and the command line.
    const result = await rt.dispatch('devices.list', { limit: '10' }); // wrong input: raw
    expect(result.ok ? '' : result.error.message).toBe(
      'Invalid input for devices.list: limit: Must be a number.',
    );
  });

  it('keeps a message the schema words itself', async () => {
    const issues = byPath(
      await issuesOf('signing.generate', {
        organisation: 'Spital Zürich',
        passphrase: 'short',
      }),
    );
    expect(issues.passphrase).toEqual({
      path: ['passphrase'],
      at: 'passphrase',
      message: 'The passphrase must have at least 12 characters.',
    });
  });

  it('has the same words in German, as the station shows them', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'de', resources: { de: { translation: de } } });
    const issues = byPath(await issuesOf('devices.list', { search: 'x'.repeat(10_000) }));
    const words = issues.search?.words;
    expect(words && i18n.t(`schemaIssues.${words.key}`, words.params)).toBe(
      'Zu lang; höchstens 200 Zeichen verwenden.',
    );
  });
});
