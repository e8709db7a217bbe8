import de from '../../api/i18n/priority.de.json' with { type: 'json' };
import en from '../../api/i18n/priority.en.json' with { type: 'json' };
import type { Language } from '../../api/languages';
import {
  priorityReasonValues,
  type PriorityReason,
  type PriorityReasonCode,
} from '../../api/priority-reasons';

const catalogues: Record<Language, Record<string, string>> = {
  en: en.priorityReason,
  de: de.priorityReason,
};

/** A text split at its placeholders: literal, name, literal, … (odd places are names). */
type Template = string[];
const templates = new Map<string, Template>();

/** Split once per language and code: the priorities of 10,000 cases are worded in one request. */
function template(language: Language, code: PriorityReasonCode): Template {
  const key = `${language}:${code}`;
  let parts = templates.get(key);
  if (!parts) {
    parts = (catalogues[language][code] ?? en.priorityReason[code]).split(/\{\{\s*(\w+)\s*\}\}/);
    templates.set(key, parts);
  }
  return parts;
}

/**
 * A priority reason in words, for the command line and the PDFs (the UI words the same codes from
 * the same catalogue through its translations).
 */
export function priorityReasonText(reason: PriorityReason, language: Language = 'en'): string {
  const parts = template(language, reason.code);
  if (parts.length === 1) return parts[0] ?? '';
  const values = priorityReasonValues(reason, language);
  return parts.map((part, i) => (i % 2 === 1 ? (values[part] ?? '') : part)).join('');
}
