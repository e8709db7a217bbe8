import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { controlLocales, languages, type Language } from '../../../electron/api/languages';

/** The station's language (Settings, sign-in), as the API knows it. */
export function useStationLanguage(): Language {
  const { i18n } = useTranslation();
  return languages.find((l) => l === i18n.resolvedLanguage) ?? 'en';
}

/**
 * react-aria's controls (number fields, their words for screen readers) follow the station's
 * language, not the browser's: a German station types and reads "1,5" on an English browser.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  return <I18nProvider locale={controlLocales[useStationLanguage()]}>{children}</I18nProvider>;
}
