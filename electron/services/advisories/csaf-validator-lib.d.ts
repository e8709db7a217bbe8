/**
 * Types for the parts of @secvisogram/csaf-validator-lib 2.0.10 that Standalone uses; the
 * package ships JavaScript with JSDoc only.
 */
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  export interface CsafValidationMessage {
    instancePath: string;
    message?: string;
  }
  export interface CsafTestResult {
    name: string;
    isValid: boolean;
    errors: CsafValidationMessage[];
    warnings: CsafValidationMessage[];
    infos: CsafValidationMessage[];
  }
  export type CsafDocumentTest = (doc: unknown) => unknown;
  /** Runs only tests defined by the library itself (strict mode). */
  export default function validateStrict(
    tests: CsafDocumentTest[],
    doc: unknown,
  ): Promise<{ isValid: boolean; tests: CsafTestResult[] }>;
}

declare module '@secvisogram/csaf-validator-lib/validate.js' {
  import type {
    CsafDocumentTest,
    CsafTestResult,
  } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  /** The same runner as validateStrict, without strict mode's list of every library test. */
  export default function validate(
    tests: CsafDocumentTest[],
    doc: unknown,
  ): Promise<{ isValid: boolean; tests: CsafTestResult[] }>;
}

declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  const tests: Record<string, CsafDocumentTest>;
  export = tests;
}

declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  const tests: Record<string, CsafDocumentTest>;
  export = tests;
}
