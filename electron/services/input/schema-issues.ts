import type { z } from 'zod';
import { englishSchemaWords, type SchemaWords } from '../../api/error-words';

/**
 * Zod's own messages ("Too small: expected string to have >=1 characters") read like developer
 * output and exist in English only. The dispatcher parses with `markUnworded` as the per-parse
 * error map: zod prefers a message the schema gives itself, so a marked message is one zod
 * would have written, and `schemaWords` words it from the catalogue instead (its key and values
 * travel with the issue, for the UI's language). A schema's own message is kept as it is.
 */
const unworded = '\u0000unworded';
const missing = '\u0000missing';

export function markUnworded(issue: { input?: unknown }): string {
  return issue.input === undefined ? missing : unworded;
}

function countOf(value: unknown): number | undefined {
  const n = typeof value === 'bigint' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

const expectedKeys: Record<string, SchemaWords['key']> = {
  string: 'expectedText',
  number: 'expectedNumber',
  int: 'expectedWholeNumber',
  boolean: 'expectedYesNo',
  array: 'expectedList',
  date: 'expectedDate',
};

function tooSmall(issue: z.core.$ZodIssueTooSmall): SchemaWords | undefined {
  const n = countOf(issue.minimum);
  if (n === undefined) return undefined;
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return { key: 'textExactly', params: { count: n } };
      return n <= 1 ? { key: 'empty', params: {} } : { key: 'textTooShort', params: { count: n } };
    case 'array':
    case 'set':
      return n <= 1
        ? { key: 'chooseOne', params: {} }
        : { key: 'listTooShort', params: { count: n } };
    case 'number':
    case 'int':
    case 'bigint':
      return { key: issue.inclusive === false ? 'numberAbove' : 'numberAtLeast', params: { n } };
    default:
      return undefined;
  }
}

function tooBig(issue: z.core.$ZodIssueTooBig): SchemaWords | undefined {
  const n = countOf(issue.maximum);
  if (n === undefined) return undefined;
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return { key: 'textExactly', params: { count: n } };
      return { key: 'textTooLong', params: { count: n } };
    case 'array':
    case 'set':
      return { key: 'listTooLong', params: { count: n } };
    case 'number':
    case 'int':
    case 'bigint':
      return { key: issue.inclusive === false ? 'numberBelow' : 'numberAtMost', params: { n } };
    default:
      return undefined;
  }
}

function wordsFor(issue: z.core.$ZodIssue): SchemaWords {
  if (issue.message === missing) return { key: 'missing', params: {} };
  const worded = ((): SchemaWords | undefined => {
    switch (issue.code) {
      case 'invalid_type':
        return { key: expectedKeys[issue.expected] ?? 'wrongKind', params: {} };
      case 'too_small':
        return tooSmall(issue);
      case 'too_big':
        return tooBig(issue);
      case 'invalid_format':
        return {
          key:
            issue.format === 'datetime'
              ? 'notDateTime'
              : issue.format === 'date'
                ? 'notDate'
                : 'notInForm',
          params: {},
        };
      case 'not_multiple_of':
        return { key: 'multipleOf', params: { n: countOf(issue.divisor) ?? 0 } };
      case 'unrecognized_keys':
        return { key: 'unknownFields', params: { keys: issue.keys.join(', ') } };
      case 'invalid_value':
        return { key: 'notAChoice', params: { values: issue.values.map(String).join(', ') } };
      default:
        return undefined;
    }
  })();
  return worded ?? { key: 'notAccepted', params: {} };
}

/** The issue's words and English sentence: worded from the catalogue unless the schema gave one. */
export function schemaIssueWords(issue: z.core.$ZodIssue): {
  message: string;
  words?: SchemaWords;
} {
  if (issue.message !== unworded && issue.message !== missing) return { message: issue.message };
  const words = wordsFor(issue);
  return { message: englishSchemaWords(words), words };
}
