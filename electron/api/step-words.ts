import en from './i18n/steps.en.json' with { type: 'json' };
// Type-only cycle with domains/cases.ts (erased at build): its step words are keyed by its states.
import type { CaseState } from './domains/cases';

/**
 * The words of a workflow step's button, kept in a catalogue beside the API
 * (electron/api/i18n/steps.*.json): the services' transition table takes its English words from
 * here, and the UI says the same step in the station's language by the same key.
 */
export type StepKey = keyof typeof en.steps;

const keys = new Set<string>(Object.keys(en.steps));

function isStepKey(key: string): key is StepKey {
  return keys.has(key);
}

/**
 * The catalogue key of the step from one state to another. Suspected compromise is one step from
 * every open state, so it has one key.
 */
export function stepKey(from: CaseState, to: CaseState): StepKey {
  const key = to === 'quarantined' ? 'any__quarantined' : `${from}__${to}`;
  if (!isStepKey(key)) throw new Error(`No words for the step from ${from} to ${to}`);
  return key;
}

/** The step's English words (what the services record and the command line prints). */
export function stepAction(from: CaseState, to: CaseState): string {
  return en.steps[stepKey(from, to)];
}
