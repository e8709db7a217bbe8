import type {
  CsafDocumentTest,
  CsafTestResult,
} from '@secvisogram/csaf-validator-lib/validateStrict.js';
import { correctedMandatoryTests } from './csaf-library-corrections';
import { csafProblem, type CsafProblem } from './csaf-problem-words';

export interface CsafValidation {
  valid: boolean;
  /** "<JSON path>: <message> (<test>)", once each. */
  messages: string[];
  /** The same, in order, worded for people (the field in plain words; the path in `technical`). */
  problems: CsafProblem[];
}

interface Validator {
  validate: (
    tests: CsafDocumentTest[],
    doc: unknown,
  ) => Promise<{ isValid: boolean; tests: CsafTestResult[] }>;
  schema: CsafDocumentTest[];
  mandatory: CsafDocumentTest[];
}

let validator: Promise<Validator> | undefined;

/**
 * The validator compiles its JSON schemas when loaded (seconds of CPU), so it is loaded on the
 * first import, not when the services start. It runs the library's own strict schema test
 * (csaf_2_0_strict, with csaf_2_0) and every mandatory test through `validate.js`: the same
 * runner `validateStrict.js` calls after checking that each test is one of the library's, but
 * that check loads (and compiles the schemas of) every optional and informative test too, which
 * triples the load time. csaf-validate.test.ts shows both give the same results. Two of the
 * library's mandatory tests are replaced by corrected versions (csaf-library-corrections.ts).
 */
function loadValidator(): Promise<Validator> {
  validator ??= Promise.all([
    import('@secvisogram/csaf-validator-lib/validate.js'),
    import('@secvisogram/csaf-validator-lib/schemaTests.js'),
    import('@secvisogram/csaf-validator-lib/mandatoryTests.js'),
  ]).then(([v, schemaTests, mandatoryTests]) => ({
    validate: v.default,
    // ES module namespaces: their values are the library's own test functions.
    schema: Object.values(schemaTests as unknown as Record<string, CsafDocumentTest>),
    mandatory: correctedMandatoryTests(
      Object.values(mandatoryTests as unknown as Record<string, CsafDocumentTest>),
    ),
  }));
  return validator;
}

/** "csaf_2_0_strict" → "schema", "mandatoryTest_6_1_8" → "mandatory test 6.1.8". */
function testLabel(name: string): string {
  const m = /^mandatoryTest_(\d+)_(\d+)_(\d+)/.exec(name);
  if (m) return `mandatory test ${m[1]}.${m[2]}.${m[3]}`;
  return name.startsWith('csaf_') ? 'schema' : name;
}

function messagesOf(results: CsafTestResult[]): Omit<CsafValidation, 'valid'> {
  const out = new Map<string, CsafProblem>();
  for (const t of results) {
    for (const e of t.errors) {
      const problem = csafProblem(e.instancePath, e.message ?? 'invalid', testLabel(t.name));
      if (!out.has(problem.technical)) out.set(problem.technical, problem);
    }
  }
  return { messages: [...out.keys()], problems: [...out.values()] };
}

/**
 * Strict CSAF 2.0 schema, then every mandatory test (6.1.x). The mandatory tests assume a
 * schema-valid document, so they only run after the schema passes.
 */
export async function validateCsaf(doc: unknown): Promise<CsafValidation> {
  try {
    const { validate, schema, mandatory } = await loadValidator();
    const s = await validate(schema, doc);
    if (!s.isValid) return { valid: false, ...messagesOf(s.tests) };
    const m = await validate(mandatory, doc);
    return { valid: m.isValid, ...messagesOf(m.tests) };
  } catch (error) {
    const technical = (error as Error).message;
    return {
      valid: false,
      messages: [`The CSAF validator could not check this document: ${technical}`],
      problems: [{ words: { key: 'csafValidatorFailed', params: {} }, technical }],
    };
  }
}
