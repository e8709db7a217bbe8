import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCsaf } from './csaf-validate';

/**
 * The OASIS CSAF TC's own validator test documents (mandatory group), judged by the import
 * exactly as the TC's testcases.json says: a "failing" document is refused, a "valid" one is
 * accepted after every mandatory test, not only the one it was written for.
 * Sources are named in test/oasis-csaf/README.md.
 */
const dir = path.join(__dirname, 'test', 'oasis-csaf');
const { cases } = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')) as {
  cases: { name: string; test: string; valid: boolean }[];
};

describe('OASIS CSAF validator test documents (mandatory group)', () => {
  it.each(cases)('$name ($test) is judged valid=$valid', async ({ name, test, valid }) => {
    const doc: unknown = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    const result = await validateCsaf(doc);
    expect(result.valid, `${test}: ${result.messages.join('\n')}`).toBe(valid);
    if (!valid) expect(result.messages.length).toBeGreaterThan(0);
  });
});

describe('corrected library tests', () => {
  it('report under the library’s own test names', async () => {
    const name = 'mandatory/oasis_csaf_tc-csaf_2_0-2021-6-1-26-04.json';
    const doc: unknown = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    expect((await validateCsaf(doc)).messages).toEqual([
      '/document/category: value prohibited (mandatory test 6.1.26)',
    ]);
  });
});
