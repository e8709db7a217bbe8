/**
 * Hostile files against every importer the API has: the hand-made corpus, then fast-check's
 * mutations of real files. For every file: no crash (a Result, never `internal`), a refusal says
 * what is wrong, and a refused import leaves the database as it was, table by table (tableHash).
 */
import fc from 'fast-check';
import fs from 'node:fs';
import Papa from 'papaparse';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportGenerated, soakRuns, soakTimeout } from '../soak';
import { api } from '../../../api/methods';
import type { ApiError, Result } from '../../../api/result';
import { verifyAuditChain } from '../../audit/verify';
import { signInAs, fixturesDir, startTestRuntime, type TestRuntime } from '../temp-runtime';
import {
  asUploaded,
  nastyAdvisories,
  nastyFileNames,
  nastyInventories,
  nastyStrings,
  realAdvisory,
  type NastyFile,
} from './corpus';
import { tableHash } from './table-hash';

/** How one importer reports an outcome: refused (with its messages) or written. */
interface Importer {
  method: 'inventory.import' | 'advisories.import';
  files: () => NastyFile[];
  /** The messages of a refusal, or null when the file was accepted and written. */
  refusal(result: Result<unknown>): string[] | null;
  /** A valid file, for the mutations and the file-name cases. */
  sample(): { fileName: string; text: string };
}

const importers: Importer[] = [
  {
    method: 'inventory.import',
    files: nastyInventories,
    refusal(r) {
      if (!r.ok) return [r.error.message];
      const v = r.value as { written: boolean; errors: { message: string }[] };
      return v.written ? null : v.errors.map((e) => e.message);
    },
    sample: () => ({
      fileName: 'demo-hospital.csv',
      text: fs.readFileSync(path.join(fixturesDir, 'inventory/demo-hospital.csv'), 'utf8'),
    }),
  },
  {
    method: 'advisories.import',
    files: nastyAdvisories,
    refusal(r) {
      if (!r.ok) return [r.error.message];
      const v = r.value as { outcome: string; messages: string[] };
      return v.outcome === 'refused' ? v.messages : null;
    },
    sample: realAdvisory,
  },
];

const available = importers.filter((i) => i.method in api);
/** Short in `npm test`, long in `npm run test:soak` (test/soak.ts). */
const generatedRuns = soakRuns(150, 14_000);
const counts = { nastyFiles: 0, generated: 0 };

let rt: TestRuntime;
beforeAll(async () => {
  rt = startTestRuntime();
  await rt.client().value('demo.load', {});
  await signInAs(rt, ['admin', 'biomed', 'it_security']);
}, 300_000);
afterAll(() => {
  reportGenerated(
    `importers (${available.map((i) => i.method).join(', ') || 'none in the API yet'})`,
    counts.nastyFiles + counts.generated,
  );
  rt.cleanup();
});

function expectNoCrash(result: Result<unknown>): void {
  expect(result).toHaveProperty('ok');
  if (!result.ok) {
    const error: ApiError = result.error;
    expect(error.code, error.message).not.toBe('internal');
    expect(error.message.length).toBeGreaterThan(10);
  }
}

/** Import; then: no crash; refused → messages and an unchanged database. Returns the messages. */
async function importChecked(
  importer: Importer,
  fileName: string,
  content: string,
): Promise<string[] | null> {
  const before = tableHash(rt.services.db);
  const result = await rt.client().call(importer.method, { fileName, content });
  expectNoCrash(result);
  const refused = importer.refusal(result);
  if (refused !== null) {
    expect(refused.length, 'a refusal says why').toBeGreaterThan(0);
    for (const m of refused) expect(m.trim().length).toBeGreaterThan(5);
    expect(tableHash(rt.services.db), `${fileName} was refused but the database changed`).toBe(
      before,
    );
  }
  return refused;
}

describe.each(available)('hostile files against $method', (importer) => {
  it.each(importer.files().map((f) => [f.label, f] as const))(
    '%s',
    async (_label, file) => {
      counts.nastyFiles++;
      const refused = await importChecked(importer, file.fileName, asUploaded(file));
      if (refused && file.expect) expect(refused.join('\n')).toMatch(file.expect);
      // Accepted or not, the database is whole and its chain intact.
      expect(verifyAuditChain(rt.services.db).ok).toBe(true);
    },
    300_000,
  );

  it('file names with traversal, drive letters, NUL and bidi marks are labels, never paths', async () => {
    const sample = importer.sample();
    const before = new Set(fs.readdirSync(rt.dir));
    for (const fileName of nastyFileNames) {
      counts.nastyFiles++;
      await importChecked(importer, fileName, sample.text);
    }
    // Nothing was written under any of those names, in the data folder or above it.
    expect(fs.readdirSync(rt.dir).filter((n) => !before.has(n) && n !== 'backups')).toEqual([]);
    expect(fs.existsSync(path.resolve(rt.dir, '../../etc/passwd.csv'))).toBe(false);
  });

  it(
    'generated: truncations, byte flips and splices of a real file never crash or half-write',
    async () => {
      const sample = importer.sample().text;
      const mutated = fc.oneof(
        fc.nat({ max: sample.length }).map((n) => sample.slice(0, n)),
        fc
          .array(
            fc.tuple(
              fc.nat({ max: sample.length - 1 }),
              fc.constantFrom(...nastyStrings, '"', ',', '{', '}', '\u0000', '\uFFFD'),
            ),
            {
              minLength: 1,
              maxLength: 5,
            },
          )
          .map((edits) =>
            edits.reduce((text, [at, s]) => text.slice(0, at) + s + text.slice(at + 1), sample),
          ),
        fc.string({ unit: 'binary', maxLength: 2000 }),
        fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      );
      await fc.assert(
        fc.asyncProperty(
          mutated,
          fc.constantFrom('mutated.csv', 'mutated.json', ...nastyFileNames),
          async (content, fileName) => {
            counts.generated++;
            await importChecked(importer, fileName, content);
          },
        ),
        { numRuns: generatedRuns },
      );
      expect(verifyAuditChain(rt.services.db).ok).toBe(true);
    },
    soakTimeout(600_000),
  );
});

describe.runIf('inventory.import' in api && 'inventory.export' in api)(
  'what hostile strings become',
  () => {
    it('SQL fragments are stored as text, and formulas are neutralised in the CSV export', async () => {
      const strings = nastyInventories().find((f) => f.fileName === 'strings.csv');
      if (!strings) throw new Error('the corpus lost its strings file');
      const result = await rt.client().call('inventory.import', {
        fileName: strings.fileName,
        content: asUploaded(strings),
        skipInvalid: true,
      });
      expectNoCrash(result);
      const db = rt.services.db;
      // The table the fragment names is still there, and holds the fragment as a vendor name.
      const stored = db
        .prepare("SELECT vendor FROM devices WHERE asset_tag = 'NASTY-0'")
        .pluck()
        .get();
      if (stored !== undefined) expect(stored).toBe(nastyStrings[0]);
      expect(db.prepare('SELECT count(*) FROM devices').pluck().get()).toBeGreaterThanOrEqual(34);
      const exported = await rt.client().call('inventory.export', { format: 'csv' });
      expectNoCrash(exported);
      if (!exported.ok) return;
      const rows = Papa.parse<string[]>(exported.value.content.replace(/^\uFEFF/, '')).data;
      for (const row of rows) {
        for (const cell of row)
          expect(cell, `exported cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    });
  },
);
