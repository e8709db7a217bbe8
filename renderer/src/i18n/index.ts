import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './resources';

// Resources are bundled (no backend): the app is offline and must never fetch its strings.
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  // React escapes what it renders; escaping here too would show `&amp;` in labels.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18n;
