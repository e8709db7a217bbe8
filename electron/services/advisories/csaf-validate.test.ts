import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../test/temp-runtime';
import { validateCsaf } from './csaf-validate';

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(fixturesDir, 'csaf', name), 'utf8')) as {
    vulnerabilities: { product_status: { known_affected: string[] } }[];
  };

describe('CSAF validation', () => {
  it('gives the same verdicts and messages as the library’s strict mode', async () => {
    const [{ default: validateStrict }, schemaTests, mandatoryTests] = await Promise.all([
      import('@secvisogram/csaf-validator-lib/validateStrict.js'),
      import('@secvisogram/csaf-validator-lib/schemaTests.js'),
      import('@secvisogram/csaf-validator-lib/mandatoryTests.js'),
    ]);
    const tests = [
      ...Object.values(schemaTests as unknown as Record<string, never>),
      ...Object.values(mandatoryTests as unknown as Record<string, never>),
    ];
    const broken = fixture('icsma-17-215-02.json');
    broken.vulnerabilities[0]?.product_status.known_affected.push('CSAFPID-9999');
    const docs: unknown[] = [fixture('icsma-23-194-01.json'), broken, { document: {} }, 42];
    for (const doc of docs) {
      const strict = await validateStrict(tests, doc);
      const ours = await validateCsaf(doc);
      expect(ours.valid).toBe(strict.isValid);
      const strictMessages = new Set(
        strict.tests.flatMap((t) => t.errors.map((e) => `${e.instancePath || '/'}: ${e.message}`)),
      );
      for (const m of ours.messages) expect(strictMessages).toContain(m.replace(/ \([^)]*\)$/, ''));
      if (!strict.isValid) expect(ours.messages.length).toBeGreaterThan(0);
    }
  });
});
