/**
 * Property tests: the importers never throw anything but an expected refusal on arbitrary
 * input, and never write part of an import (all rows or none; with skipInvalid, exactly the
 * valid ones), with exactly one audit event per written import.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAdvisory } from '../advisories/csaf-import';
import { systemActor } from '../audit/append';
import { verifyAuditChain } from '../audit/verify';
import type { MutateContext } from '../core/context';
import { ServiceError } from '../core/errors';
import { fixturesDir, startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { importInventory } from './inventory-import';

let rt: TestRuntime;
let ctx: MutateContext;
beforeAll(() => {
  rt = startTestRuntime();
  ctx = { services: rt.services, actor: systemActor };
});
afterAll(() => rt.cleanup());

const scalar = (sql: string) => rt.services.db.prepare(sql).pluck().get() as number;
const state = () => ({
  devices: scalar('SELECT count(*) FROM devices'),
  events: scalar('SELECT count(*) FROM audit_events'),
  revisions: scalar('SELECT count(*) FROM advisory_revisions'),
});

/** Run an importer; an expected refusal (invalid input) is a result, anything else fails. */
function attempt<T>(fn: () => T): T | ServiceError {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'invalid_input') return error;
    throw error;
  }
}

/** Cells that exercise the parser and the rules: delimiters, quotes, line breaks, bad IPs, formulas. */
const cell = fc.oneof(
  fc.constantFrom(
    '',
    'A-1',
    'A-2',
    'A-3',
    '10.0.0.1',
    '10.0.0.300',
    'fd00::1',
    '00:1B:44:11:3A:B7',
    'high',
    'maybe',
    'yes',
  ),
  fc.constantFrom('=1+1', '"quoted"', 'a,b', 'a;b', 'line\nbreak', 'tab\there', 'Zürich', '\r'),
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 6, unit: 'binary' }),
);
const csvText = fc
  .tuple(
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n'),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    fc.boolean(),
  )
  .map(([delimiter, eol, rows, quoteAll]) => {
    const header = [
      'asset_tag',
      'ip_address',
      'clinical_criticality',
      'notes',
      'remote_update_capable',
    ];
    const line = (cells: string[]) =>
      cells
        .map((c) => (quoteAll || /[",;\t\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
        .join(delimiter);
    return [line(header), ...rows.map(line)].join(eol) + eol;
  });

describe('the inventory importer on arbitrary input', () => {
  it('never throws on arbitrary bytes, and writes nothing unless it reports what it wrote', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.boolean(), (bytes, skipInvalid) => {
        const before = state();
        const r = attempt(() =>
          importInventory(ctx, { fileName: 'fuzz.csv', content: bytes, skipInvalid }),
        );
        const after = state();
        if (r instanceof ServiceError || !r.written) {
          expect(after).toEqual(before);
        } else {
          expect(after.devices).toBe(before.devices + r.added);
          expect(after.events).toBe(before.events + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes all rows or none by default, and exactly the valid rows with skipInvalid', () => {
    fc.assert(
      fc.property(csvText, fc.boolean(), (text, skipInvalid) => {
        const before = state();
        const r = attempt(() =>
          importInventory(ctx, { fileName: 'fuzz.csv', content: text, skipInvalid }),
        );
        const after = state();
        if (r instanceof ServiceError) {
          expect(after).toEqual(before);
          return;
        }
        if (!skipInvalid && r.errors.length > 0) {
          expect(r.written).toBe(false);
          expect(after).toEqual(before);
          return;
        }
        expect(r.written).toBe(true);
        expect(r.errors).toEqual([]);
        expect(after.devices).toBe(before.devices + r.added);
        expect(after.events).toBe(before.events + 1);
        if (!skipInvalid) expect(r.skipped).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(verifyAuditChain(rt.services.db).ok).toBe(true);
  });
});

describe('the advisory importer on arbitrary input', () => {
  it('refuses arbitrary bytes and arbitrary JSON without throwing, and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 512 }),
          fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
        ),
        async (content) => {
          const before = state();
          const r = await importAdvisory(ctx, { fileName: 'fuzz.json', content });
          expect(r.outcome).toBe('refused');
          expect(r.messages.length).toBeGreaterThan(0);
          expect(state()).toEqual(before);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on a real advisory with one part removed or replaced, and stores at most that revision', async () => {
    const original = JSON.parse(
      fs.readFileSync(path.join(fixturesDir, 'csaf/icsma-20-170-04.json'), 'utf8'),
    ) as Record<string, unknown>;
    const paths: string[][] = [];
    const walk = (v: unknown, p: string[]) => {
      if (p.length > 0) paths.push(p);
      if (v && typeof v === 'object' && p.length < 6) {
        for (const [k, child] of Object.entries(v)) walk(child, [...p, k]);
      }
    };
    walk(original, []);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
        async (at, replacement) => {
          const doc = structuredClone(original);
          let parent = doc as Record<string, unknown>;
          for (const k of at.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
          const key = at.at(-1) ?? '';
          if (replacement === undefined) Reflect.deleteProperty(parent, key);
          else parent[key] = replacement;
          const before = state();
          const r = await importAdvisory(ctx, {
            fileName: 'mutated.json',
            content: JSON.stringify(doc),
          });
          const after = state();
          const stored = r.outcome === 'imported' || r.outcome === 'revised' ? 1 : 0;
          expect(after.revisions).toBe(before.revisions + stored);
          expect(after.events).toBe(before.events + stored);
        },
      ),
      { numRuns: 60 },
    );
  });
});
