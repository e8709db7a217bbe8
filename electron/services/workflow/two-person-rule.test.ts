import { describe, expect, it } from 'vitest';
import { rolesFor, type ValidSignoff, type WorkflowSignoffKind } from './signoff-kinds';
import { caseIn, now } from './test/workflow-fixtures';
import { checkTransition, transitionRules } from './transitions';

/**
 * Every step that needs two sign-offs from different people, against every way the same person
 * could sign twice: the same account, or two accounts with the same staff ID (as recorded when
 * each signed). Staff IDs compare without case, as the users table's unique index does.
 */

const twoPersonRules = transitionRules.filter((r) => r.signoffs.length >= 2);

type Signer = { userId: number; staffId?: string | null };

function signedBy(kind: WorkflowSignoffKind, who: Signer): ValidSignoff {
  return { kind, role: rolesFor(kind)[0] ?? 'admin', ...who };
}

const rows: { rule: string; first: Signer; second: Signer; samePerson: boolean }[] = [
  {
    rule: 'two accounts with different staff IDs are two people',
    first: { userId: 1, staffId: 'S-100' },
    second: { userId: 2, staffId: 'S-200' },
    samePerson: false,
  },
  {
    rule: 'two accounts without staff IDs are told apart by account',
    first: { userId: 1, staffId: null },
    second: { userId: 2 },
    samePerson: false,
  },
  {
    rule: 'an account without a staff ID and one with a staff ID are two people',
    first: { userId: 1, staffId: null },
    second: { userId: 2, staffId: 'S-200' },
    samePerson: false,
  },
  {
    rule: 'one account is one person, even if its staff ID changed between the sign-offs',
    first: { userId: 1, staffId: 'S-100' },
    second: { userId: 1, staffId: 'S-101' },
    samePerson: true,
  },
  {
    rule: 'two accounts with the same staff ID are one person',
    first: { userId: 1, staffId: 'S-100' },
    second: { userId: 2, staffId: 'S-100' },
    samePerson: true,
  },
  {
    rule: 'staff IDs that differ only in case or surrounding spaces are the same',
    first: { userId: 1, staffId: 's-100' },
    second: { userId: 2, staffId: ' S-100 ' },
    samePerson: true,
  },
];

describe('two sign-offs that must come from different people', () => {
  it('are asked for by three steps', () => {
    expect(twoPersonRules.map((r) => `${r.from} → ${r.to}`)).toEqual([
      'assessing → protected_connected',
      'assessing → standalone',
      'verifying → reconnecting',
    ]);
  });

  const cases = twoPersonRules.flatMap((rule) =>
    rows.map((row) => [`${rule.from} → ${rule.to}: ${row.rule}`, rule, row] as const),
  );
  it.each(cases)('%s', (_name, rule, row) => {
    const [firstKind, secondKind] = rule.signoffs as [WorkflowSignoffKind, WorkflowSignoffKind];
    const snapshot = caseIn(rule.from, {
      signoffs: [signedBy(firstKind, row.first), signedBy(secondKind, row.second)],
    });
    const result = checkTransition(snapshot, rule.to, now);
    if (!row.samePerson) {
      expect(result).toEqual({ allowed: true });
      return;
    }
    expect(result.allowed).toBe(false);
    expect(result.allowed ? [] : result.missing).toEqual([
      expect.stringMatching(/^Two different people must sign: .* are by the same person\./),
    ]);
  });

  it('find another signer when one kind was given twice and only one of them shares a staff ID', () => {
    const snapshot = caseIn('verifying', {
      signoffs: [
        signedBy('verification_biomed', { userId: 1, staffId: 'S-100' }),
        signedBy('verification_it', { userId: 2, staffId: 'S-100' }),
        signedBy('verification_it', { userId: 3, staffId: 'S-300' }),
      ],
    });
    expect(checkTransition(snapshot, 'reconnecting', now)).toEqual({ allowed: true });
  });
});
