import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de, en, languages, type Language } from './resources';

/** The station's language: kept on this computer, so each station chooses its own. */
const storageKey = 'standalone.language';

export function stationLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return languages.find((l) => l === stored) ?? 'en';
  } catch {
    return 'en';
  }
}

export function chooseLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // A station that cannot store the choice still switches for this session.
  }
  void i18n.changeLanguage(language);
}

// The page's language follows, so that screen readers pronounce it right.
i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

// Resources are bundled (no backend): the app is offline and must never fetch its strings.
void i18n.use(initReactI18next).init({
  lng: stationLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...languages],
  resources: { en: { translation: en }, de: { translation: de } },
  // React escapes what it renders; escaping here too would show `&amp;` in labels.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18n;
