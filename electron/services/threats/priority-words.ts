import de from '../../api/i18n/priority.de.json' with { type: 'json' };
import en from '../../api/i18n/priority.en.json' with { type: 'json' };
import type { Language } from '../../api/languages';
import { priorityReasonValues, type PriorityReason } from '../../api/priority-reasons';

const catalogues: Record<Language, Record<string, string>> = {
  en: en.priorityReason,
  de: de.priorityReason,
};

/**
 * A priority reason in words, for the command line and the PDFs (the UI words the same codes from
 * the same catalogue through its translations).
 */
export function priorityReasonText(reason: PriorityReason, language: Language = 'en'): string {
  const text = catalogues[language][reason.code] ?? en.priorityReason[reason.code];
  const values = priorityReasonValues(reason, language);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
}
