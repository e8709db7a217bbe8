import type { TFunction } from 'i18next';
import english from '../../../electron/api/i18n/priority.en.json';
import { languages, type Language } from '../../../electron/api/languages';
import { formatDecimal } from '../../../electron/api/number-format';
import { priorityReasonValues, type PriorityReason } from '../../../electron/api/priority-reasons';

/** The station's language as the API knows it (English when i18next reports something else). */
export function stationLanguage(resolved: string | undefined): Language {
  return languages.find((l) => l === resolved) ?? 'en';
}

/** One priority reason in the station's language, from its code and values. */
export function reasonText(t: TFunction, language: Language, reason: PriorityReason): string {
  // A key built from the code: i18next's typed keys take it with a default (the English words).
  return t(`priorityReason.${reason.code}`, {
    ...priorityReasonValues(reason, language),
    defaultValue: english.priorityReason[reason.code],
  });
}

/** "known exploited since …; reachable from …", strongest first as the service lists them. */
export function reasonsText(t: TFunction, language: Language, reasons: PriorityReason[]): string {
  return reasons.map((r) => reasonText(t, language, r)).join('; ');
}

/** The priority itself, one decimal in the station's number format ("97,3" in German). */
export function priorityNumber(language: Language, value: number): string {
  return formatDecimal(value, language, 1);
}
