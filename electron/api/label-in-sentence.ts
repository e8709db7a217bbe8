import type { Language } from './languages';

/**
 * A label (a playbook's "Injected patient", "Study") used inside a sentence of the reader's
 * language: English lowers its first letter ("Add injected patient", "One row per study"); German
 * keeps it as written, since its nouns keep their capital ("Untersuchung hinzufügen"), and its
 * sentences put the label where its capital is right. An acronym ("CT scan") keeps its capitals.
 */
export function labelInSentence(label: string, language: Language): string {
  if (language !== 'en') return label;
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
