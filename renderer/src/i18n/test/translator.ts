import i18next from 'i18next';
import { de, en } from '../resources';

/** The translation function of the app's own words in `lng`, on an instance of its own. */
export async function tFor(lng: 'en' | 'de') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, de: { translation: de } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}
